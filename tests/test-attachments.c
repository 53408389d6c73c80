/* test-attachments.c: photos and files kept with a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "amends-csv-export.h"
#include "amends-store-attachments.h"
#include "amends-test-utils.h"

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  while (waiter->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return waiter->result;
}

static AmendsAttachment *
add_file (AmendsStore  *store,
          gint64        case_id,
          const char   *path,
          GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  Waiter waiter = { NULL };

  amends_store_add_attachment_async (store, case_id, file, NULL, on_done_cb, &waiter);
  result = wait_for (&waiter);
  return amends_store_add_attachment_finish (store, result, error);
}

static GListModel *
list_case (AmendsStore *store,
           gint64       case_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };
  GListModel *list;

  amends_store_list_attachments_async (store, case_id, NULL, on_done_cb, &waiter);
  result = wait_for (&waiter);
  list = amends_store_list_attachments_finish (store, result, &error);
  g_assert_no_error (error);
  return list;
}

static GBytes *
read_back (AmendsStore *store,
           gint64       id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };
  GBytes *bytes;

  amends_store_read_attachment_async (store, id, NULL, on_done_cb, &waiter);
  result = wait_for (&waiter);
  bytes = amends_store_read_attachment_finish (store, result, &error);
  g_assert_no_error (error);
  return bytes;
}

static gint64
count_rows (AmendsStore *store)
{
  gint64 n = -1;

  g_assert_true (amends_store_query_int64 (store, "SELECT count(*) FROM attachments", &n, NULL));
  return n;
}

static char *
write_file (AmendsTestDb *db,
            const char   *name,
            const char   *contents,
            gssize        length)
{
  char *path = g_build_filename (db->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_add_list_read (AmendsTestDb  *db,
                    gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Shower broken", db->now);
  g_autoptr(AmendsStaff) ada = amends_test_add_staff (db->store, "Ada");
  gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
  g_autofree char *receipt = write_file (db, "receipt.txt", "Paid 42.00\n", -1);
  g_autofree char *big_data = g_malloc (200 * 1000);
  g_autofree char *big = NULL;
  g_autoptr(AmendsAttachment) first = NULL;
  g_autoptr(AmendsAttachment) second = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(AmendsAttachment) item = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  AmendsAuditEntry *entry;

  /* More than one chunk of 64 KiB, and not a whole number of them. */
  for (guint i = 0; i < 200 * 1000; i++)
    big_data[i] = (char) (i % 251);
  big = write_file (db, "shower.bin", big_data, 200 * 1000);

  amends_store_set_actor_id (db->store, amends_record_get_id (AMENDS_RECORD (ada)));
  first = add_file (db->store, case_id, receipt, &error);
  g_assert_no_error (error);
  second = add_file (db->store, case_id, big, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (amends_attachment_get_name (first), ==, "receipt.txt");
  g_assert_cmpint (amends_attachment_get_size (first), ==, 11);
  g_assert_cmpstr (amends_attachment_get_content_type (first), ==, "text/plain");

  list = list_case (db->store, case_id);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpint (amends_attachment_get_id (item), ==, amends_attachment_get_id (first));
  g_assert_cmpstr (amends_attachment_get_name (item), ==, "receipt.txt");
  g_assert_cmpint (amends_attachment_get_size (item), ==, 11);
  g_assert_cmpint (amends_attachment_get_added_at (item), ==, g_date_time_to_unix (db->now));
  g_clear_object (&item);
  item = g_list_model_get_item (list, 1);
  g_assert_cmpstr (amends_attachment_get_name (item), ==, "shower.bin");
  g_assert_cmpint (amends_attachment_get_size (item), ==, 200 * 1000);

  bytes = read_back (db->store, amends_attachment_get_id (first));
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Paid 42.00\n", 11);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = read_back (db->store, amends_attachment_get_id (second));
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), big_data, 200 * 1000);

  audit = amends_store_list_audit (db->store, "attachments", amends_attachment_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = audit->pdata[0];
  g_assert_cmpstr (entry->field, ==, "created");
  g_assert_cmpstr (entry->after, ==, "receipt.txt");
  g_assert_cmpint (entry->staff_id, ==, amends_record_get_id (AMENDS_RECORD (ada)));

  /* Another case sees none of them. */
  {
    g_autoptr(AmendsCase) other = amends_test_add_case (db->store, "Noise", db->now);
    g_autoptr(GListModel) none = list_case (db->store, amends_record_get_id (AMENDS_RECORD (other)));

    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  }
}

static void
make_sized_file (const char *path,
                 gint64      size)
{
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  /* A sparse file: the size is what is checked, not the bytes. */
  g_assert_cmpint (fseeko (file, size - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', file), ==, 'x');
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
test_size_limit (AmendsTestDb  *db,
                 gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Shower broken", db->now);
  gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
  g_autofree char *huge = g_build_filename (db->dir, "IMG_2034.jpg", NULL);
  g_autofree char *just = g_build_filename (db->dir, "just.jpg", NULL);
  g_autofree char *over = g_build_filename (db->dir, "over.jpg", NULL);
  g_autoptr(AmendsAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  make_sized_file (huge, 23400000);
  attachment = add_file (db->store, case_id, huge, &error);
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_assert_null (attachment);
  g_assert_cmpstr (error->message, ==,
                   "“IMG_2034.jpg” is 23.4\u00a0MB; files up to 10.0\u00a0MB can be attached. "
                   "A photo can be made smaller in an image editor (in GIMP: Image → Scale Image), "
                   "or taken again at a lower resolution.");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db->store), ==, 0);

  /* One byte over. */
  make_sized_file (over, 10000001);
  attachment = add_file (db->store, case_id, over, &error);
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db->store), ==, 0);

  /* Exactly the limit is allowed. */
  make_sized_file (just, 10000000);
  attachment = add_file (db->store, case_id, just, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amends_attachment_get_size (attachment), ==, 10000000);
  g_assert_cmpint (count_rows (db->store), ==, 1);
}

static void
test_remove_undo (AmendsTestDb  *db,
                  gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Shower broken", db->now);
  gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
  g_autofree char *receipt = write_file (db, "receipt.txt", "Paid 42.00\n", -1);
  g_autoptr(AmendsAttachment) attachment = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id;

  attachment = add_file (db->store, case_id, receipt, &error);
  g_assert_no_error (error);
  id = amends_attachment_get_id (attachment);

  g_assert_true (amends_store_remove_attachment (db->store, id, &error));
  g_assert_no_error (error);
  list = list_case (db->store, case_id);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  /* Twice is refused: it is already gone. */
  g_assert_false (amends_store_remove_attachment (db->store, id, &error));
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (amends_store_restore_attachment (db->store, id, &error));
  g_assert_no_error (error);
  list = list_case (db->store, case_id);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  audit = amends_store_list_audit (db->store, "attachments", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[0])->field, ==, "created");
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[1])->field, ==, "removed");
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[1])->after, ==, "receipt.txt");
  g_assert_cmpstr (((AmendsAuditEntry *) audit->pdata[2])->field, ==, "restored");
}

static void
test_trashed_case (AmendsTestDb  *db,
                   gconstpointer  data)
{
  g_autoptr(AmendsCase) kase = amends_test_add_case (db->store, "Shower broken", db->now);
  gint64 case_id = amends_record_get_id (AMENDS_RECORD (kase));
  g_autofree char *receipt = write_file (db, "receipt.txt", "Paid 42.00\n", -1);
  g_autoptr(AmendsAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (amends_store_trash_case (db->store, case_id, NULL));
  attachment = add_file (db->store, case_id, receipt, &error);
  g_assert_error (error, AMENDS_STORE_ERROR, AMENDS_STORE_ERROR_NOT_FOUND);
  g_assert_null (attachment);
  g_assert_cmpint (count_rows (db->store), ==, 0);
}

static char *
read_text (const char *path)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return g_steal_pointer (&text);
}

/* cases.csv → cases-attachments/C-2026-00001/IMG_2034.jpg, and a last
 * column naming those paths; not what is removed or in the trash. */
static void
test_csv_export (AmendsTestDb  *db,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (db->now, -2);
  g_autoptr(GDateTime) later = g_date_time_add_hours (db->now, 1);
  g_autoptr(AmendsCase) shower = amends_test_add_case (db->store, "Shower broken", earlier);
  g_autoptr(AmendsCase) trashed = amends_test_add_case (db->store, "Wrong bill", db->now);
  g_autoptr(AmendsCase) plain = amends_test_add_case (db->store, "Cold soup", later);
  gint64 shower_id = amends_record_get_id (AMENDS_RECORD (shower));
  g_autofree char *photo = write_file (db, "IMG_2034.jpg", "first photo", -1);
  g_autofree char *receipt = write_file (db, "receipt.txt", "Plumber: 85.00\n", -1);
  g_autofree char *old = write_file (db, "old.txt", "removed", -1);
  g_autofree char *out_dir = g_build_filename (db->dir, "out", NULL);
  g_autofree char *csv = g_build_filename (out_dir, "cases.csv", NULL);
  g_autofree char *folder = g_build_filename (out_dir, "cases-attachments", NULL);
  g_autofree char *case_folder = g_build_filename (folder, "C-2026-00001", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected_row = NULL;
  g_autofree char *twin_name = NULL;
  g_autofree char *twin_path = NULL;
  g_autofree char *twin_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(AmendsAttachment) a = NULL;
  g_autoptr(AmendsAttachment) twin = NULL;
  g_autoptr(AmendsAttachment) b = NULL;
  g_autoptr(AmendsAttachment) removed = NULL;
  g_autoptr(AmendsAttachment) in_trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  a = add_file (db->store, shower_id, photo, &error);
  g_assert_no_error (error);
  /* A second photo of the same name, from another phone. */
  g_assert_true (g_file_set_contents (photo, "second photo", -1, NULL));
  twin = add_file (db->store, shower_id, photo, &error);
  g_assert_no_error (error);
  b = add_file (db->store, shower_id, receipt, &error);
  g_assert_no_error (error);
  removed = add_file (db->store, shower_id, old, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_remove_attachment (db->store, amends_attachment_get_id (removed), NULL));
  in_trash = add_file (db->store, amends_record_get_id (AMENDS_RECORD (trashed)), receipt, &error);
  g_assert_no_error (error);
  g_assert_true (amends_store_trash_case (db->store, amends_record_get_id (AMENDS_RECORD (trashed)), NULL));

  g_assert_true (amends_csv_export_cases_to_path (db->store, csv, NULL, &error));
  g_assert_no_error (error);

  /* The files, byte for byte; the twin's name begins with its id (2). */
  g_assert_cmpint (amends_attachment_get_id (twin), ==, 2);
  path = g_build_filename (case_folder, "IMG_2034.jpg", NULL);
  contents = read_text (path);
  g_assert_cmpstr (contents, ==, "first photo");
  twin_path = g_build_filename (case_folder, "2-IMG_2034.jpg", NULL);
  twin_text = read_text (twin_path);
  g_assert_cmpstr (twin_text, ==, "second photo");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&contents, g_free);
  path = g_build_filename (case_folder, "receipt.txt", NULL);
  contents = read_text (path);
  g_assert_cmpstr (contents, ==, "Plumber: 85.00\n");

  /* Nothing else: not the removed file, not the trashed case's. */
  dir = g_dir_open (case_folder, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 3);
  g_clear_pointer (&dir, g_dir_close);
  n_files = 0;
  dir = g_dir_open (folder, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  /* The column: last, its paths relative to the CSV file, one a line. */
  text = read_text (csv);
  g_assert_nonnull (strstr (text, ",follow_up_due_at,room,arrival_at,departure_at,lesson_cause,process_changed,attachments\r\n"));
  g_assert_nonnull (strstr (text, ",\"cases-attachments/C-2026-00001/IMG_2034.jpg\n"
                                  "cases-attachments/C-2026-00001/2-IMG_2034.jpg\n"
                                  "cases-attachments/C-2026-00001/receipt.txt\"\r\n"));
  /* The case with none: an empty cell, the row's last. */
  g_assert_nonnull (strstr (text, "C-2026-00003,Cold soup,"));
  g_assert_true (g_str_has_suffix (text, ",\r\n"));
  g_assert_null (strstr (text, "Wrong bill"));
  g_assert_null (strstr (text, "old.txt"));
}

static void
add_test (const char *path,
          void (*func) (AmendsTestDb *, gconstpointer))
{
  g_test_add (path, AmendsTestDb, NULL, amends_test_db_setup, func, amends_test_db_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/store/attachment/add-list-read", test_add_list_read);
  add_test ("/store/attachment/size-limit", test_size_limit);
  add_test ("/store/attachment/remove-undo", test_remove_undo);
  add_test ("/store/attachment/refused-on-trashed-case", test_trashed_case);
  add_test ("/io/csv-export/attachments-folder-and-column", test_csv_export);

  return g_test_run ();
}
