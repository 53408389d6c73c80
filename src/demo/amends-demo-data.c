/* amends-demo-data.c: the demo's hotel: its staff, guests, breakdowns and stories
 *
 * A hotel and conference centre over the last ten weeks: its staff, its
 * guests and what would delight them, some sixty breakdowns in every state
 * of recovery with their timelines, and the stories the managers tell.
 *
 * Every time is relative to the @now the demo is given, so it always looks
 * current.  The store's clock is set to the time of each thing as it is
 * written and the person at the desk to whoever did it, so the audit log
 * reads as if the ten weeks had really happened.  What varies (minutes,
 * the wording of routine timeline entries) comes from a GRand with a fixed
 * seed: the same @now always gives the same database.
 *
 * The texts are data, not interface, and are not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "amends-demo-data"

#include "config.h"

#include "amends-demo-private.h"

/* Staff */



const DemoStaff amends_demo_staff[N_DEMO_STAFF] = {
  [MARIA]  = { "Maria Okafor",     FRONT_OFFICE, AMENDS_STAFF_ROLE_MANAGER,    TRUE },
  [TOM]    = { "Tom Brennan",      FRONT_OFFICE, AMENDS_STAFF_ROLE_FRONT_DESK, TRUE },
  [AIKO]   = { "Aiko Tanaka",      FRONT_OFFICE, AMENDS_STAFF_ROLE_FRONT_DESK, TRUE },
  /* Left three weeks ago; still the owner of his old cases. */
  [JOSH]   = { "Josh Miller",      FRONT_OFFICE, AMENDS_STAFF_ROLE_FRONT_DESK, FALSE },
  [PRIYA]  = { "Priya Raman",      EVENTS,       AMENDS_STAFF_ROLE_MANAGER,    TRUE },
  [LUKAS]  = { "Lukas Weber",      EVENTS,       AMENDS_STAFF_ROLE_FRONT_DESK, TRUE },
  [ROSA]   = { "Rosa Jiménez",     EVENTS,       AMENDS_STAFF_ROLE_FRONT_DESK, TRUE },
  [SAM]    = { "Sam Delgado",      RESTAURANT,   AMENDS_STAFF_ROLE_FRONT_DESK, TRUE },
  [HANNAH] = { "Hannah Lindqvist", RESTAURANT,   AMENDS_STAFF_ROLE_MANAGER,    TRUE },
};

/* Customers.  Phone numbers are in the ranges set aside for fiction, mail
 * addresses in the example domains. */



const DemoCustomer amends_demo_customers[N_DEMO_CUSTOMERS] = {
  [KAUFMANN] = {
    "Erik Kaufmann", "Mr Kaufmann", NULL, "erik.kaufmann@example.net",
    "Delegate at the Service Management Summit, from Munich. Father of two — "
    "Lena (9) and Max (7) — who go gaga over anything that blinks. Wants to "
    "take cowboy boots home for them: EU sizes 33 and 30. Green tea, no milk." },
  [WHITFIELD] = {
    "Dolores Whitfield", "Mrs Whitfield", "(816) 555-0142", "dolores.whitfield@example.com",
    "Stays every other Tuesday for the board meetings. Room at the quiet end, "
    "away from the lift. Allergic to feathers: foam pillows only. Granddaughter "
    "Ruby graduates from nursing school in May and she is very proud." },
  [BOATENG] = {
    "Marcus Boateng", "Mr Boateng", "(913) 555-0117", "marcus.boateng@example.org",
    "Runs the quarterly sales kick-off (about 80 people). Decides fast and "
    "hates surprises on the invoice. Training for the Kansas City marathon, "
    "so asks for breakfast at six." },
  [HART] = {
    "Priscilla Hart", "Mrs Hart", "(816) 555-0188", NULL,
    "Comes with her husband Dan; they celebrated their 25th anniversary with "
    "us. Dan is diabetic: sugar-free desserts. Priscilla collects honey from "
    "wherever they travel." },
  [ZHANG] = {
    "Wei Zhang", "Mr Zhang", "(312) 555-0173", "wei.zhang@example.com",
    "Consultant, with us three nights most weeks. Late calls with Singapore, "
    "so a quiet room, a desk lamp and Wi-Fi that holds. Plain oatmeal, no "
    "sugar, at half past six." },
  [AL_SAYED] = {
    "Fatima Al-Sayed", "Mrs Al-Sayed", "+44 7700 900318", "fatima.alsayed@example.com",
    "From London; her daughter Layla is getting married here. Vegetarian, no "
    "alcohol. Loves roses: mentioned the ones in the lobby twice." },
  [KOWALCZYK] = {
    "Bob Kowalczyk", "Mr Kowalczyk", "(816) 555-0109", NULL,
    "Books the back room for the Rotary lunch every month. Hard of hearing on "
    "the left: sit on his right. Royals fan; will talk baseball for as long "
    "as you let him." },
  [ORTIZ] = {
    "Jennifer Ortiz", "Ms Ortiz", "(913) 555-0156", "jennifer.ortiz@example.net",
    "Event planner for the state nurses' association. Travels with her "
    "service dog, Biscuit. Prefers a text to a call." },
  [NOWAK] = {
    "Tomasz Nowak", "Mr Nowak", NULL, "tomasz.nowak@example.com",
    "Conference delegate from Kraków, first time in the US. Vegan. Asked at "
    "the desk where to hear live jazz." },
  [LIU] = {
    "Grace Liu", "Ms Liu", "(816) 555-0131", "grace.liu@example.org",
    "Wheelchair user: room 112 (roll-in shower) every time. Reads a mystery "
    "novel a day on holiday; Louise Penny is her favourite." },
  [JENSEN] = {
    "Harold Jensen", "Mr Jensen", "(816) 555-0164", NULL,
    "Retired teacher. Sunday brunch with his wife Edith, always at the window "
    "table. Edith is coeliac: strictly gluten-free. Likes to ask the young "
    "staff about their studies." },
  [NWOSU] = {
    "Amara Nwosu", "Ms Nwosu", "(312) 555-0125", "amara.nwosu@example.org",
    "Keynote speaker on leadership and culture. Brings her own laptop (HDMI) "
    "and clicker. Drinks hot water with lemon before she goes on stage." },
  [OBRIEN] = {
    "Kevin O'Brien", "Mr O'Brien", "(913) 555-0190", "kevin.obrien@example.com",
    "Sales rep, Monday to Thursday most weeks; rarely checks in before ten at "
    "night. Likes his room warm. A cold beer after a long drive makes his day." },
  [ROSSI] = {
    "Sofia Rossi", "Mrs Rossi", NULL, "sofia.rossi@example.net",
    "On honeymoon with her husband Luca. She is a pastry chef in Chicago and "
    "notices every dessert." },
  [PATEL] = {
    "Raj Patel", "Mr Patel", "(816) 555-0177", "raj.patel@example.com",
    "Travels with his wife Meena and three children under ten: connecting "
    "rooms and a cot for the youngest. Arjun, the middle one, is mad about "
    "trains." },
  [CARVER] = {
    "Linda Carver", "Ms Carver", "(816) 555-0103", "linda.carver@example.net",
    "HR director at a local firm; books our training rooms several times a "
    "year. Reads every line of an invoice. Dry sense of humour, likes straight "
    "talk." },
  [ACHEBE] = {
    "Samuel Achebe", "Pastor Achebe", "(913) 555-0148", NULL,
    "Brings about forty people from his church for a retreat every September. "
    "Tea, never coffee. Remembers every staff member's name, and notices when "
    "we don't remember his." },
  [SATO] = {
    "Yuki Sato", "Ms Sato", NULL, "yuki.sato@example.com",
    "Visiting researcher at the university, three months in a studio room. "
    "Cycles to campus. A little homesick: said she misses proper Japanese rice." },
  [MENDOZA] = {
    "Carlos Mendoza", "Mr Mendoza", "(816) 555-0119", NULL,
    "Leads the mariachi band that plays at many of our weddings. Warm and "
    "loud; always thanks the kitchen. His mother turns 80 this year." },
  [HALVORSEN] = {
    "Ingrid Halvorsen", "Ms Halvorsen", NULL, "ingrid.halvorsen@example.net",
    "Conference delegate from Oslo. Severe nut allergy, carries an adrenaline "
    "pen. Swims outdoors all year and asked where she could." },
  [SIMMONS] = {
    "Derek Simmons", "Mr Simmons", "(913) 555-0136", NULL,
    "Friday regular at the bar with his colleagues. Loud, but fair when he "
    "complains. His daughter plays high-school volleyball and he shows "
    "everyone the videos." },
  [BROOKS] = {
    "Olivia Brooks", "Ms Brooks", "(312) 555-0182", "olivia.brooks@example.org",
    "Wedding planner; books the ballroom and the Garden Room for her couples. "
    "Wants everything in writing, because she forwards our emails to them." },
  [KARIMI] = {
    "Hassan Karimi", "Mr Karimi", "(816) 555-0151", "hassan.karimi@example.com",
    "Engineer, stays for project weeks. Fasts during Ramadan and needs a hot "
    "meal before dawn. Very polite; would never complain." },
  [DOYLE] = {
    "Margaret Doyle", "Mrs Doyle", "(816) 555-0127", NULL,
    "82; stays when she visits her son in Overland Park. Room near the lift, "
    "a kettle and real milk. Does the crossword every morning. Likes to be "
    "called Peggy." },
  [MEHTA] = {
    "Anil Mehta", "Mr Mehta", NULL, "anil.mehta@example.net",
    "Runs the monthly Linux user-group meetups. Notices everything "
    "technical: projectors, Wi-Fi, sockets. Coffee black, and plenty of it." },
  [GOLDBERG] = {
    "Rachel Goldberg", "Mrs Goldberg", "(913) 555-0111", "rachel.goldberg@example.com",
    "Planning her son Noah's bar mitzvah in the ballroom (120 guests, "
    "kosher-style). An anxious planner: call her before she has to call us." },
  [MARTIN] = {
    "Chloe Martin", "Ms Martin", NULL, "chloe.martin@example.com",
    "Travel writer with a large following. Asked not to be treated "
    "differently; photographs everything. Vegan." },
  [VAN_DIJK] = {
    "Pieter van Dijk", "Mr van Dijk", NULL, "pieter.vandijk@example.net",
    "From Utrecht and two metres tall: needs the long bed. Cycles everywhere; "
    "asked where to rent a bike." },
  [SANTOS] = {
    "Beatriz Santos", "Ms Santos", "(816) 555-0195", NULL,
    "Nurse; comes to the nurses' association days straight from a night "
    "shift. Needs a dark room and a late check-out. Lives on strong tea." },
  [THOMPSON] = {
    "Greg Thompson", "Mr Thompson", "(913) 555-0160", "greg.thompson@example.org",
    "Owns the print shop that does our menus. Drives a high-roofed van. Chiefs "
    "season-ticket holder; brunch with us before home games." },
};

/* Cases */



/* The seeds' own story: two lapel pins for two children. */
static const DemoStep pins_steps[] = {
  { AMENDS_ACTION_KIND_NOTE, ROSA, 6,
    "Mr Kaufmann asked for a second blinking pin: two children at home, and "
    "bringing back one of anything means trouble. Told him it's one per "
    "participant. He said no problem, but he looked let down." },
  { AMENDS_ACTION_KIND_NOTE, ROSA, 30,
    "Checked the box: about sixty spare pins at fifty cents each, and they "
    "go in a drawer on Friday. The rule isn't worth a disappointed guest." },
  { AMENDS_ACTION_KIND_FIX, ROSA, 58,
    "Found him in the first session, Ballroom B, row four. Tapped him on the "
    "shoulder and handed him two pins, one for each child." },
  { AMENDS_ACTION_KIND_APOLOGY, ROSA, 59,
    "Told him I was sorry for saying no at the desk." },
  { AMENDS_ACTION_KIND_SURPRISE, ROSA, 95,
    "He had mentioned cowboy boots for the kids. Left a card at his seat with "
    "their sizes in US sizes and the way to the western-wear store." },
  { AMENDS_ACTION_KIND_RESOLUTION, ROSA, 100,
    "Caught him at the break. He said it was more than nice, it was service "
    "recovery, and asked if he could tell the story in his talk." },
  { AMENDS_ACTION_KIND_FOLLOW_UP, PRIYA, DAYS (6),
    "Emailed Mr Kaufmann after the summit. He has registered for next year "
    "and asked for Rosa by name." },
  { AMENDS_ACTION_KIND_NOTE, PRIYA, DAYS (7),
    "Changed the rule: registration now gives a spare pin to anyone who asks. "
    "Told the whole story at the team meeting." },
  { 0, NOBODY, 0, NULL }
};

const DemoCase amends_demo_cases[] = {
  /* Ten weeks ago to two weeks ago: closed */
  {
    .customer = BOATENG, .owner = JOSH, .category = "Registration",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 68, .at = 815, .recovered_after = 55, .closed_after = 4,
    .summary = "Twelve kick-off badges misspelt the company name",
    .description = "Mr Boateng was handing out badges for his sales kick-off "
      "and found twelve that read “Boateng Industires”. Eighty people were "
      "queuing for coffee behind him.",
    .fix = "Reprinted all twelve badges and had them on the table before the "
      "first session ended.",
    .surprise = "Sent coffee and a tray of pastries into the kick-off room at "
      "the break, with a note from the desk.",
    .surprise_cost = 4800,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_TANGIBLES,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Print one badge per company as a proof and have the organiser "
      "check it before the whole run.",
  },
  {
    .key = "pillows", .customer = WHITFIELD, .owner = TOM, .category = "Room",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 66, .at = 2210, .fixed_after = 30, .recovered_after = HOURS (21),
    .closed_after = 7,
    .summary = "Feather pillows on the bed despite the allergy note",
    .description = "Mrs Whitfield called from her room, sneezing. Her profile "
      "says foam pillows only, but the note never reached the housekeeping "
      "sheet for her room.",
    .fix = "Brought two foam pillows and a fresh duvet within fifteen minutes "
      "and changed the bed myself.",
    .surprise = "Next evening: a jar of local honey and a lemon and ginger tea "
      "set by her bed, with a card.",
    .surprise_cost = 1200,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Guest preferences must print on the housekeeping sheet, not "
      "only sit in the booking notes.",
  },
  {
    .customer = JENSEN, .owner = SAM, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 65, .at = 1005, .recovered_after = 40, .closed_after = 7,
    .summary = "Gluten-free toast made in the shared toaster",
    .description = "I saw the new kitchen porter put Mrs Jensen's gluten-free "
      "bread through the same toaster as everyone else's. She is coeliac. "
      "The plate was already on its way to the window table.",
    .fix = "Took the plate back before she ate, explained why, and had fresh "
      "toast made in the gluten-free toaster.",
    .surprise = "The pastry chef sent out a slice of her gluten-free lemon "
      "cake with their coffee.",
    .surprise_cost = 600,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_ASSURANCE | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "The gluten-free toaster lives on its own shelf with a red "
      "label, and new starters are shown it on day one.",
  },
  {
    .customer = CARVER, .owner = PRIYA, .category = "Billing",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_EMAIL,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 63, .at = 900, .logged_after = DAYS (3) + HOURS (2),
    .recovered_after = DAYS (3) + HOURS (7), .closed_after = 6,
    .summary = "Training day invoiced for 30 lunches; 22 came",
    .description = "Ms Carver went through the invoice line by line and found "
      "we had billed the original headcount, not the final numbers she sent "
      "us on the Monday.",
    .fix = "Sent a corrected invoice the same afternoon and refunded eight "
      "lunches.",
    .surprise = "Waived the room hire for her next training day, with a "
      "handwritten note.",
    .surprise_cost = 25000,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_ASSURANCE,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Final headcounts go to the invoice desk as well as the kitchen.",
  },
  {
    .customer = OBRIEN, .owner = JOSH, .category = "Waiting time",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 61, .at = 2300, .recovered_after = 40, .closed_after = 10,
    .summary = "Forty-minute wait to check in late at night",
    .description = "A coach party arrived at the same time as Mr O'Brien and "
      "there was one person on the night desk. He stood in the queue for "
      "forty minutes after a five-hour drive.",
    .fix = "Checked him in at the side desk while the group was handled, and "
      "took his parking off the bill.",
    .surprise = "Left a cold beer and a sandwich in his room: “Long day. This "
      "one's on us.”",
    .surprise_cost = 1400,
    .failed = AMENDS_RATER_RESPONSIVENESS,
    .shown = AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Check the arrivals list at six in the evening; when a group "
      "arrives late, call in a second person for the desk.",
  },
  {
    .customer = MARTIN, .owner = MARIA, .category = "Staff attitude",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_SOCIAL,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 60, .at = 1420, .logged_after = HOURS (5),
    .recovered_after = HOURS (20), .closed_after = 3,
    .summary = "Posted that the concierge rolled his eyes at her",
    .description = "Ms Martin asked the concierge for vegan restaurants nearby "
      "and, in her words, “was made to feel stupid for asking”. She posted it "
      "for her followers the same afternoon.",
    .fix = "Called her, apologised, and went over it with the concierge, who "
      "apologised to her in person.",
    .surprise = "A printed list of the six best vegan places within walking "
      "distance, and a table booked at the one she picked.",
    .failed = AMENDS_RATER_EMPATHY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_NO,
    .lesson = "No question is a silly question. The desk keeps a vegan and "
      "vegetarian list now.",
  },
  {
    .customer = ZHANG, .owner = AIKO, .category = "Housekeeping",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_SURVEY,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 58, .at = 1000, .logged_after = DAYS (2) + HOURS (1),
    .recovered_after = DAYS (7), .closed_after = 3,
    .summary = "Room not made up after the Do Not Disturb sign came off",
    .description = "From the survey: “I took the sign off at ten and the room "
      "still wasn't done when I came back at six.” He hadn't said a word at "
      "the desk.",
    .fix = "Called to apologise; his room is now first on the afternoon round "
      "whenever the sign comes off.",
    .surprise = "On his next stay: a proper desk lamp and a box of his plain "
      "oatmeal waiting in the room, with a card from housekeeping.",
    .surprise_cost = 2500,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_RESPONSIVENESS,
    .shown = AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "A Do Not Disturb sign coming off is a request: housekeeping "
      "checks those rooms again after lunch.",
  },
  {
    .key = "ballroom", .customer = GOLDBERG, .owner = PRIYA, .category = "Booking",
    .severity = AMENDS_SEVERITY_COLOSSAL, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 56, .at = 1530, .logged_after = 10,
    .recovered_after = HOURS (3), .closed_after = 20,
    .summary = "Ballroom double-booked on the day of the bar mitzvah",
    .description = "The events system had the ballroom on hold for a corporate "
      "dinner on the same Saturday as Noah's bar mitzvah. Mrs Goldberg found "
      "out when her caterer rang her, and she rang us in tears.",
    .fix = "Moved the corporate dinner to the Garden Room with that client's "
      "agreement and confirmed the ballroom to Mrs Goldberg in writing within "
      "three hours.",
    .surprise = "A free tasting for six with the chef, and a chocolate "
      "fountain for the children's table on the day.",
    .surprise_cost = 35000,
    .bent_rule = "Menu tastings only for parties of more than 150",
    .bent_rule_why = "She was shaken and needed to see the food with her own "
      "eyes. A tasting costs us little and gave her back her confidence in us.",
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_ASSURANCE | AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "A hold in the events system blocks the date for everyone; no "
      "more soft holds on paper.",
  },
  {
    .key = "pins", .customer = KAUFMANN, .owner = ROSA, .category = "Registration",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 55, .at = 840, .logged_after = 5,
    .recovered_after = 100, .closed_after = 7,
    .summary = "Delegate asked for a second lapel pin for his children; told no",
    .description = "At registration for the Service Management Summit, Mr "
      "Kaufmann asked for a second blinking lapel pin: he has two children at "
      "home. I told him the rule is one per participant. He didn't complain "
      "or even look cross, but I could see he was disappointed, and I would "
      "have been too.",
    .fix = "Found him in his first session and handed him two pins, one for "
      "each child.",
    .surprise = "Converted the children's shoe sizes (EU 33 and 30) to US "
      "sizes, a youth 2 and a 12½, and left them on a card with directions to "
      "the western-wear store for the cowboy boots he wanted to take home.",
    .surprise_cost = 100,
    .bent_rule = "One lapel pin per registered participant",
    .bent_rule_why = "The pins cost fifty cents, he paid well over a thousand "
      "dollars to be here, and we always throw a box of spares away at the "
      "end. Two children and one pin is a real problem; two pins is not.",
    .failed = AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "A rule with no good reason behind it gets bent, then changed: "
      "spare pins go to anyone who asks.",
    .steps = pins_steps,
  },
  {
    .customer = HART, .owner = HANNAH, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 53, .at = 1945, .recovered_after = 25, .closed_after = 5,
    .summary = "Sugar-free anniversary dessert came out as the chocolate torte",
    .description = "Caught it at the pass: the dessert for Mr Hart, who is "
      "diabetic, was the regular chocolate torte. The ticket said sugar-free, "
      "in pencil, at the bottom.",
    .fix = "Held the plate back and had the chef make a sugar-free berry "
      "pavlova; it reached the table twenty minutes later.",
    .surprise = "A jar of Kansas wildflower honey for Mrs Hart's collection, "
      "with a card signed by the kitchen.",
    .surprise_cost = 1600,
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_TANGIBLES,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Dietary requests go on the kitchen ticket in red, not in pencil "
      "at the bottom.",
  },
  {
    .customer = THOMPSON, .owner = TOM, .category = "Parking",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 51, .at = 1740, .recovered_after = 15, .closed_after = 2,
    .summary = "Car park barrier rejected his validated ticket",
    .description = "Mr Thompson's ticket was validated at lunch but the "
      "barrier wouldn't take it, and he paid at the machine to get out.",
    .fix = "Walked out and lifted the barrier, and refunded what he paid at "
      "the machine.",
    .surprise = "Two tickets for Friday's jazz night in the bar.",
    .surprise_cost = 2000,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_NEUTRAL, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Validation codes expired at midnight UTC, not ours. Fixed in "
      "the machine's settings.",
  },
  {
    .key = "keynote", .customer = NWOSU, .owner = LUKAS, .category = "Meeting rooms",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 50, .at = 855, .logged_after = 4, .fixed_after = 12,
    .recovered_after = HOURS (2), .closed_after = 4,
    .summary = "Ballroom projector failed five minutes before the keynote",
    .description = "At the sound check the projector would not pick up Ms "
      "Nwosu's laptop over HDMI. Four hundred people were taking their seats.",
    .fix = "Swapped in the spare projector from the Garden Room and ran her "
      "slides from our laptop off a USB stick. She started six minutes late.",
    .surprise = "Hot water with lemon waiting in the green room after her "
      "talk, and the recording of it on a stick for her to keep.",
    .surprise_cost = 800,
    .failed = AMENDS_RATER_TANGIBLES | AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_ASSURANCE,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Test every speaker's laptop in the room an hour before, and "
      "keep the spare projector cabled and ready.",
  },
  {
    .customer = DOYLE, .owner = AIKO, .category = "Housekeeping",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 49, .at = 710, .recovered_after = 60, .closed_after = 6,
    .summary = "Kettle taken out of the room with the tray",
    .description = "Saw a room kettle on the housekeeping trolley on the first "
      "floor. It was Mrs Doyle's; she hadn't had her morning tea yet and "
      "hadn't wanted to bother anyone.",
    .fix = "Took a kettle, real milk and her tea up within ten minutes.",
    .surprise = "The crosswords from three different papers with her "
      "breakfast.",
    .surprise_cost = 600,
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Trays go, kettles stay. Housekeeping again: put it in the "
      "trolley checklist.",
  },
  {
    .customer = OBRIEN, .owner = JOSH, .category = "Billing",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_EMAIL,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 47, .at = 930, .logged_after = 25,
    .recovered_after = HOURS (4), .closed_after = 9,
    .summary = "Charged for minibar drinks he never had",
    .description = "Mr O'Brien's folio showed $23 for two beers and nuts from "
      "the minibar. He says he moved them to put his own water in the fridge.",
    .fix = "Took the charge off and sent a corrected folio.",
    .surprise = "Booked him into a corner room for his next Monday.",
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_NEUTRAL, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "The minibar sensors charge when items are moved. Check before "
      "billing.",
  },
  {
    .customer = SIMMONS, .owner = SAM, .category = "Waiting time",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 46, .at = 1930, .recovered_after = 50, .closed_after = 7,
    .summary = "Forty-five minutes for burgers in the bar",
    .description = "On a packed night the kitchen lost the ticket for a table "
      "of six. Mr Simmons asked twice, then came to the bar and said so loudly "
      "enough for the whole room.",
    .fix = "Had the food out in eight minutes and took the burgers off the "
      "bill.",
    .surprise = "A round on the house, and a reserved table with his name on "
      "it the next time they came in.",
    .surprise_cost = 4200,
    .failed = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "On busy nights someone checks the open tickets against the "
      "table plan every quarter of an hour.",
  },
  {
    .customer = VAN_DIJK, .owner = TOM, .category = "Room",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 45, .at = 820, .fixed_after = HOURS (2), .recovered_after = HOURS (5),
    .closed_after = 3,
    .summary = "Two-metre guest put in a bed far too short for him",
    .description = "Asked Mr van Dijk at breakfast how he had slept. “Diagonally,” "
      "he said, laughing, but he looked tired. His feet hang over the end of "
      "a queen bed.",
    .fix = "Moved him to a king room with the bed extension and carried his "
      "bags over myself.",
    .surprise = "A rental bike for the afternoon with a map of the riverfront "
      "trail.",
    .surprise_cost = 3000,
    .failed = AMENDS_RATER_TANGIBLES | AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_TANGIBLES,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
    .lesson = "When a booking mentions a tall guest, give them one of the "
      "rooms that take the bed extension.",
  },
  {
    .customer = ACHEBE, .owner = MARIA, .category = "Staff attitude",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 44, .at = 1015, .logged_after = 30, .fixed_after = HOURS (2),
    .recovered_after = HOURS (6), .closed_after = 5,
    .summary = "Reservations cut the pastor off mid-sentence",
    .description = "Pastor Achebe rang about his retreat and felt rushed: the "
      "agent told him she had other calls waiting and put him on hold twice.",
    .fix = "Called him back, apologised, and went through the retreat plan "
      "at his pace. The agent called him to apologise too.",
    .surprise = "Sent a handwritten card from the whole team, with a box of "
      "the tea he likes, the same day.",
    .surprise_cost = 900,
    .failed = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_ASSURANCE,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "On the phone nobody is “another call”. A busy agent hands over "
      "rather than rushes.",
  },
  {
    .customer = ORTIZ, .owner = LUKAS, .category = "Registration",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 42, .at = 1800, .recovered_after = HOURS (13), .closed_after = 4,
    .summary = "Two hundred badges printed with last year's logo",
    .description = "Ms Ortiz came to check the set-up the evening before the "
      "nurses' conference and spotted it on the very first badge: the old "
      "association logo.",
    .fix = "Reprinted all two hundred overnight with the new logo; they were "
      "on the tables by half past seven.",
    .surprise = "A water bowl and a treat for Biscuit at the registration "
      "table.",
    .surprise_cost = 300,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_TANGIBLES,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Badges again: the organiser signs off a printed proof before "
      "we print the lot.",
  },
  {
    .customer = NOWAK, .owner = HANNAH, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_SURVEY,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 40, .at = 1300, .logged_after = HOURS (28),
    .recovered_after = HOURS (31), .closed_after = 6,
    .summary = "Only a plain salad for vegans at the conference lunch",
    .description = "From the survey after day one: the one vegan dish at "
      "lunch was a plain salad. Mr Nowak wrote that he had gone hungry but "
      "“did not want to make trouble”.",
    .fix = "Phoned him and arranged a proper vegan main for the two remaining "
      "conference days.",
    .surprise = "Booked him a table at a jazz club in the 18th and Vine "
      "district, with our barman's list of where to hear live music.",
    .failed = AMENDS_RATER_EMPATHY | AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
    .lesson = "Every conference lunch has one real vegan main, not a salad.",
  },
  {
    .key = "room-112", .customer = LIU, .owner = AIKO, .category = "Booking",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_EMAIL,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 38, .at = 2130, .fixed_after = 50, .recovered_after = HOURS (14),
    .closed_after = 5,
    .summary = "Accessible room given away the night before she arrived",
    .description = "On the evening check I saw that room 112, the one with the "
      "roll-in shower, had been given to another guest by the booking site. "
      "Ms Liu arrives tomorrow and has stayed in 112 every time.",
    .fix = "Moved the other guest, with their agreement and an upgrade, and "
      "locked 112 for Ms Liu.",
    .surprise = "The new Louise Penny on her pillow when she arrived.",
    .surprise_cost = 1800,
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_ASSURANCE | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Accessible rooms are locked to accessible bookings; the booking "
      "sites can no longer assign them.",
  },
  {
    .customer = KOWALCZYK, .owner = TOM, .category = "Billing",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 37, .at = 1100, .recovered_after = HOURS (1), .closed_after = 1,
    .summary = "Rotary lunch invoiced twice",
    .description = "Mr Kowalczyk called: the club's treasurer had two invoices "
      "for the same lunch.",
    .fix = "Cancelled the duplicate and confirmed it on the phone and in "
      "writing.",
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_NEUTRAL, .came_back = AMENDS_CAME_BACK_YES,
  },
  {
    .key = "ramadan", .customer = KARIMI, .owner = JOSH, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 36, .at = 410, .fixed_after = 20, .recovered_after = HOURS (15),
    .closed_after = 6,
    .summary = "Pre-dawn breakfast left outside the door to go cold",
    .description = "On my night round I found Mr Karimi's breakfast tray on the "
      "floor outside his door. Room service had left it at three without "
      "knocking. He fasts during Ramadan and this is his only meal until "
      "sunset. He would never have said a thing.",
    .fix = "Knocked softly, apologised, and brought a fresh hot breakfast by "
      "half past four. Arranged delivery with a knock at quarter past four "
      "for the rest of his stay.",
    .surprise = "Dates and a jug of laban with his evening meal to break the "
      "fast, and a card: Ramadan Kareem.",
    .surprise_cost = 1500,
    .failed = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Room service never leaves food outside a door: it knocks, or it "
      "comes back.",
  },
  {
    .customer = ZHANG, .owner = AIKO, .category = "Room",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_CHAT,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 35, .at = 2140, .recovered_after = HOURS (12), .closed_after = 7,
    .summary = "Wi-Fi keeps dropping during his calls to Singapore",
    .description = "Mr Zhang wrote in the chat that he had been cut off three "
      "times in one client call. Third floor again.",
    .fix = "IT moved him onto a wired connection and restarted the access "
      "point on his corridor.",
    .surprise = "A spare network cable and the IT manager's mobile number for "
      "late calls, on his desk.",
    .surprise_cost = 500,
    .failed = AMENDS_RATER_TANGIBLES | AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_ASSURANCE,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "The third-floor access point needs replacing; until then, put "
      "business guests on the second or fourth floor.",
  },
  {
    .customer = MEHTA, .owner = PRIYA, .category = "Meeting rooms",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 34, .at = 905, .fixed_after = 30, .recovered_after = HOURS (6),
    .closed_after = 2,
    .summary = "Forty laptops and four sockets in the Oak Room",
    .description = "Walked past the user group as they started and saw people "
      "sitting on the floor by the walls to plug in. Nobody had said anything.",
    .fix = "Ran extension strips to every table within twenty minutes.",
    .surprise = "A second pot of strong black coffee, unasked, and a plate of "
      "cookies at the three o'clock slump.",
    .surprise_cost = 2000,
    .failed = AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "The meeting-room checklist includes power: one socket for "
      "every two seats.",
  },
  {
    .customer = MENDOZA, .owner = HANNAH, .category = "Staff attitude",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 33, .at = 1830, .fixed_after = 20, .recovered_after = HOURS (4),
    .closed_after = 8,
    .summary = "Band sent round to the bins entrance in front of the wedding guests",
    .description = "Security told Mr Mendoza and his band, in full mariachi "
      "dress, to go round the back past the bins while the wedding guests "
      "watched from the terrace.",
    .fix = "Apologised to the band and to the couple, and walked the band in "
      "through the front door myself.",
    .surprise = "Dinner for the whole band after their set, and a cake for his "
      "mother's 80th when he mentioned it.",
    .surprise_cost = 9000,
    .failed = AMENDS_RATER_EMPATHY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Musicians are our guests' guests: front door, always.",
  },
  {
    .key = "rice", .customer = SATO, .owner = TOM, .category = "Billing",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 31, .at = 1000, .recovered_after = HOURS (7), .closed_after = 10,
    .summary = "Long-stay rate not applied to a three-month stay",
    .description = "Going through the folios I saw Ms Sato has paid the full "
      "nightly rate for a month. She was booked as three separate stays, so "
      "the long-stay rate never started. She hadn't noticed.",
    .fix = "Merged the bookings, applied the long-stay rate from the first "
      "night and refunded the difference.",
    .surprise = "A bag of Japanese short-grain rice and a small rice cooker for "
      "her kitchenette: she had said she misses proper rice.",
    .surprise_cost = 6500,
    .bent_rule = "Rate changes are never applied to nights already paid",
    .bent_rule_why = "She told us on day one she was staying three months. The "
      "mistake was ours, not hers; refunding it is simply fair.",
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_TANGIBLES,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Long stays are entered as one booking, so the rate is right "
      "from the first night.",
  },
  {
    .customer = BROOKS, .owner = PRIYA, .category = "Waiting time",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 30, .at = 1115, .recovered_after = 45, .closed_after = 3,
    .summary = "Twenty minutes on hold trying to reach the events team",
    .description = "Ms Brooks gave up after twenty minutes on hold and called "
      "the front desk instead, not pleased. She had a couple in her office "
      "waiting for an answer.",
    .fix = "Called her straight back with the answer and gave her the events "
      "team's direct line.",
    .failed = AMENDS_RATER_RESPONSIVENESS,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_STILL_UNHAPPY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Calls to events roll over to the front desk after three minutes "
      "instead of ringing out.",
  },
  {
    .key = "trains", .customer = PATEL, .owner = MARIA, .category = "Room",
    .severity = AMENDS_SEVERITY_COLOSSAL, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 29, .at = 2100, .fixed_after = 40, .recovered_after = HOURS (12),
    .closed_after = 9,
    .summary = "Family's connecting rooms turned out to be on two floors",
    .description = "The Patels arrived at nine at night with three tired "
      "children. The “adjoining” rooms were 214 and 315. The hotel was full.",
    .fix = "Found two connecting rooms by moving one single guest, who agreed "
      "for breakfast on us. The family was settled in forty minutes.",
    .surprise = "A wooden train set for Arjun, who loves trains, and breakfast "
      "in the room for all five the next morning.",
    .surprise_cost = 7800,
    .bent_rule = "No room moves for checked-in guests after 8 pm",
    .bent_rule_why = "Three small children on two floors is neither safe nor "
      "fair. One guest walking down the corridor was a small price.",
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_ASSURANCE,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Connecting rooms are blocked as a pair when booked; "
      "“adjoining” means nothing to the system.",
  },
  {
    .customer = HALVORSEN, .owner = ROSA, .category = "Registration",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 28, .at = 805, .recovered_after = HOURS (3), .closed_after = 4,
    .summary = "Delegate's name misspelt on her badge",
    .description = "Ms Halvorsen's badge said “Halverson”. She didn't say a "
      "word, but I saw her look at it twice before she pinned it on.",
    .fix = "Reprinted it and brought it to her at the coffee break.",
    .surprise = "Told her where the locals swim outdoors all year and lent her "
      "a towel from the spa.",
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
    .lesson = "Misprinted badges keep coming back: copy names from the "
      "registration form, never retype them.",
  },
  {
    .customer = ROSSI, .owner = HANNAH, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 27, .at = 2040, .recovered_after = HOURS (19), .closed_after = 3,
    .summary = "“Homemade” tiramisu came out of a catering box",
    .description = "Mrs Rossi, a pastry chef, recognised the honeymoon "
      "dinner's “homemade” tiramisu as a catering product and said so, kindly "
      "but clearly.",
    .fix = "Told her the truth, took it off the bill, and our pastry chef made "
      "her a real one for the next evening.",
    .surprise = "Our pastry chef invited her into the kitchen for an hour to "
      "swap recipes.",
    .failed = AMENDS_RATER_ASSURANCE | AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_ASSURANCE,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
    .lesson = "Don't call it homemade unless it is.",
  },
  {
    .customer = SANTOS, .owner = AIKO, .category = "Housekeeping",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_SURVEY,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 25, .at = 1000, .logged_after = DAYS (1) + HOURS (3),
    .recovered_after = DAYS (4), .closed_after = 6,
    .summary = "Woken by housekeeping at ten after a night shift",
    .description = "Her survey says it all: late check-out agreed, sign on the "
      "door, and housekeeping still knocked and came in at ten, two hours "
      "after she had got to sleep.",
    .fix = "Phoned to apologise and put a night-shift flag on her profile.",
    .surprise = "On her next stay: late check-out until four without her "
      "asking, and the blackout curtains in her room fixed.",
    .failed = AMENDS_RATER_EMPATHY | AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Housekeeping again: late check-outs reach the housekeeping list "
      "the night before, not on the day.",
  },
  {
    .customer = BOATENG, .owner = PRIYA, .category = "Billing",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 24, .at = 1030, .recovered_after = HOURS (3), .closed_after = 5,
    .summary = "Reminder for a deposit he had already paid",
    .description = "Accounts sent Mr Boateng a reminder that the deposit for "
      "his next kick-off was overdue. He had paid three weeks earlier and "
      "sent us the proof at the time.",
    .fix = "Found the payment booked to the wrong account and sent him a "
      "receipt and a written apology the same morning.",
    .surprise = "Breakfast from six on his kick-off days, for his marathon "
      "training.",
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_ASSURANCE,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
  },
  {
    .customer = JENSEN, .owner = SAM, .category = "Staff attitude",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_EMAIL,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 23, .at = 1110, .logged_after = HOURS (6),
    .recovered_after = HOURS (9), .closed_after = 8,
    .summary = "Told the window table was “for bigger parties”",
    .description = "Mr Jensen wrote that after eleven years of brunches at the "
      "window, a new host sent him and Edith to a table by the kitchen "
      "door.",
    .fix = "Called him to apologise and reserved the window table for their "
      "Sundays.",
    .surprise = "A card on the window table every Sunday until the end of the "
      "year: “Reserved for Harold and Edith.”",
    .failed = AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Regulars' habits are in the guest notes; the host reads them "
      "before service.",
  },
  {
    .customer = BROOKS, .owner = LUKAS, .category = "Meeting rooms",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 21, .at = 1800, .recovered_after = HOURS (3), .closed_after = 3,
    .summary = "Wedding rehearsal room locked, nobody answering",
    .description = "Ms Brooks and a wedding party of twenty stood outside the "
      "locked Garden Room. The events phone went to voicemail.",
    .fix = "Came over with the key within ten minutes and set the chairs out "
      "with them.",
    .surprise = "A bottle of sparkling wine for the couple at their rehearsal "
      "dinner.",
    .surprise_cost = 3200,
    .failed = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Rooms booked for rehearsals are unlocked half an hour before, "
      "and someone carries the events phone at weekends.",
  },
  {
    .key = "car", .customer = DOYLE, .owner = TOM, .category = "Waiting time",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 20, .at = 1745, .fixed_after = 35, .recovered_after = HOURS (15),
    .closed_after = 4,
    .summary = "Taxi never came; she waited in the lobby without a word",
    .description = "Mrs Doyle had been sitting by the door with her coat on for "
      "twenty-five minutes. The taxi we ordered for her never came. She "
      "didn't want to be a nuisance.",
    .fix = "Drove her to her son's in the hotel car.",
    .surprise = "The next morning, the local paper and its crossword with her "
      "breakfast, and the car booked for her return.",
    .bent_rule = "The hotel car is only for airport runs booked in advance",
    .bent_rule_why = "She is 82, it was getting dark and the taxi firm had "
      "forgotten her. The car was sitting in the car park.",
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Taxi orders are confirmed back by the firm; no confirmation in "
      "ten minutes, call again.",
  },
  {
    .key = "wedding-block", .customer = AL_SAYED, .owner = MARIA, .category = "Booking",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_EMAIL,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 19, .at = 700, .recovered_after = HOURS (8), .closed_after = 7,
    .summary = "Wedding room block released a week early",
    .description = "Spotted on the morning release report: the twelve rooms "
      "held for the Al-Sayed wedding guests went back on sale a week before "
      "the cut-off we agreed. Nobody in the family knew yet.",
    .fix = "Blocked eleven of the twelve rooms again the same morning; the "
      "twelfth is at our sister hotel two blocks away, with a free shuttle.",
    .surprise = "Roses in Mrs Al-Sayed's room and a mocktail welcome for the "
      "family when they arrive.",
    .surprise_cost = 12000,
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_ASSURANCE | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_BLOWN_AWAY, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "A person checks the cut-off of every wedding block; the system "
      "doesn't decide alone.",
  },
  {
    .customer = MEHTA, .owner = AIKO, .category = "Room",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 17, .at = 2250, .recovered_after = HOURS (1), .closed_after = 2,
    .summary = "Air conditioning stuck at 28 °C",
    .description = "Mr Mehta came down at eleven: the thermostat in his room "
      "ignored him and the room was like an oven.",
    .fix = "Maintenance reset the unit; moved him for the night while it "
      "cooled down.",
    .failed = AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_NEUTRAL,
  },
  {
    .customer = ORTIZ, .owner = SAM, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 16, .at = 1030, .fixed_after = 15, .recovered_after = HOURS (5),
    .closed_after = 2,
    .summary = "Coffee ran out at the morning break",
    .description = "Ten minutes into the break both urns were empty and thirty "
      "nurses were still queuing.",
    .fix = "Fresh urns out in five minutes and a second coffee station set up.",
    .surprise = "Pastries at the afternoon break as well, not on the order.",
    .surprise_cost = 3600,
    .failed = AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Plan one and a half cups a person for each conference break, "
      "not one.",
  },
  {
    .customer = SIMMONS, .owner = MARIA, .category = "Staff attitude",
    .severity = AMENDS_SEVERITY_COLOSSAL, .channel = AMENDS_CHANNEL_SOCIAL,
    .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 15, .at = 2200, .logged_after = HOURS (11),
    .recovered_after = HOURS (40), .closed_after = 5,
    .summary = "Security told him to “calm down or leave” in front of colleagues",
    .description = "Mr Simmons posted that he was humiliated at the bar. He "
      "was loud, as he often is with his colleagues, but not aggressive, and the guard "
      "overreacted.",
    .fix = "Met him in person, apologised, and went through it with the "
      "security company.",
    .surprise = "Sponsored the end-of-season pizza party for his daughter's "
      "volleyball team.",
    .surprise_cost = 15000,
    .failed = AMENDS_RATER_EMPATHY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_STILL_UNHAPPY, .came_back = AMENDS_CAME_BACK_NO,
    .lesson = "The duty manager, not security, speaks to a loud guest first.",
  },
  {
    .customer = ACHEBE, .owner = LUKAS, .category = "Registration",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_CLOSED,
    .days_ago = 14, .at = 1430, .recovered_after = 50, .closed_after = 3,
    .summary = "Welcome packs for the retreat group missing",
    .description = "The group was coming through the door and the box of "
      "welcome packs wasn't at the desk, or anywhere else.",
    .fix = "Printed new packs from the email and put them together in the "
      "lobby; done in half an hour.",
    .surprise = "Tea for the whole group while they waited, in real cups.",
    .surprise_cost = 2000,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_TANGIBLES,
    .reaction = AMENDS_REACTION_SATISFIED, .came_back = AMENDS_CAME_BACK_YES,
    .lesson = "Registration again: welcome packs are checked against the group "
      "list the day before.",
  },

  /* The last two weeks: recovered, follow-ups pending */
  {
    .customer = GOLDBERG, .owner = PRIYA, .category = "Billing",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 12, .at = 1100, .logged_after = 15,
    .recovered_after = HOURS (26), .follow_up_after = 72,
    .summary = "Catering quote jumped from $42 to $78 a head",
    .description = "Mrs Goldberg rang, upset: the revised quote for the bar "
      "mitzvah priced the kosher-style menu as our premium one. After the "
      "double booking, this was the last thing she needed.",
    .fix = "Corrected the quote to $46 a head; the chef went through the "
      "difference with her line by line.",
    .surprise = "Menu cards with Noah's name on every table, printed by us.",
    .surprise_cost = 2500,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_ASSURANCE | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_SATISFIED,
  },
  {
    .customer = WHITFIELD, .owner = TOM, .category = "Room",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 9, .at = 1640, .recovered_after = 35, .follow_up_after = 240,
    .summary = "Room next to the lift again",
    .description = "Mrs Whitfield came straight back down: 204, right beside "
      "the lift, when her profile says the quiet end.",
    .fix = "Moved her to 218 at the quiet end before she had unpacked.",
    .surprise = "Foam pillows already on the bed, and a card congratulating "
      "Ruby on her graduation.",
    .surprise_cost = 500,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
  },
  {
    .key = "buffet", .customer = LIU, .owner = SAM, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 8, .at = 810, .fixed_after = 25, .recovered_after = HOURS (3),
    .follow_up_after = 168,
    .summary = "Breakfast buffet out of reach from a wheelchair",
    .description = "Watched Ms Liu wait for another guest to pass her the "
      "pastries. The buffet counter is simply too high from a wheelchair. "
      "She smiled and said nothing.",
    .fix = "Served her at her table from the buffet and set up a low side "
      "table with the essentials.",
    .surprise = "Her own table by the window each morning, with the paper and "
      "a bookmark from the local bookshop.",
    .surprise_cost = 400,
    .failed = AMENDS_RATER_TANGIBLES | AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_TANGIBLES,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
    .lesson = "The buffet needs a low section. Ordered.",
  },
  {
    .customer = NWOSU, .owner = ROSA, .category = "Registration",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 7, .at = 750, .recovered_after = 20, .follow_up_after = 216,
    .summary = "Keynote speaker's badge said “Delegate”",
    .description = "Ms Nwosu pointed out, with a smile, that she was down as a "
      "delegate and couldn't get into the speakers' room.",
    .fix = "Printed a speaker badge and lanyard on the spot.",
    .surprise = "Hot water with lemon waiting at the lectern.",
    .surprise_cost = 100,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
    .lesson = "Registration once more: speakers are flagged in the list so "
      "their badges print right.",
  },
  {
    .customer = CARVER, .owner = AIKO, .category = "Billing",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_EMAIL,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 6, .at = 930, .recovered_after = HOURS (5), .follow_up_after = 48,
    .summary = "Charged in full for a training room cancelled in time",
    .description = "The night audit flagged a full charge for Ms Carver's "
      "cancelled training room. She cancelled nine days ahead, well inside "
      "the free period.",
    .fix = "Refunded it in full and wrote to her before she found it.",
    .failed = AMENDS_RATER_RELIABILITY,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_ASSURANCE,
    .reaction = AMENDS_REACTION_NEUTRAL,
  },
  {
    .customer = SATO, .owner = TOM, .category = "Housekeeping",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 5, .at = 920, .recovered_after = HOURS (30), .follow_up_after = 120,
    .paused_after = HOURS (2), .paused_for = HOURS (20),
    .pause_reason = "Waiting for Ms Sato to check tonight which pages are still missing.",
    .summary = "Her research notes thrown away with the newspapers",
    .description = "Ms Sato rang from campus in a panic: she had left a stack "
      "of printed notes on the desk and housekeeping took them with the "
      "recycling.",
    .fix = "Went through the recycling with housekeeping and found all but two "
      "pages; reprinted those from her files in the business centre.",
    .surprise = "A proper document tray and a bento lunch from the Japanese "
      "place on 39th Street.",
    .surprise_cost = 1900,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
    .lesson = "Housekeeping never takes paper from a desk unless it is in the "
      "bin.",
  },
  {
    .customer = MEHTA, .owner = LUKAS, .category = "Waiting time",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 4, .at = 845, .recovered_after = 50, .follow_up_after = 48,
    .summary = "Thirty-five minute queue to register for the user group",
    .description = "One desk for ninety people; the queue went out of the door. "
      "Mr Mehta was at the front, watching his start time go.",
    .fix = "Opened a second desk and moved badge pick-up to the coffee "
      "station.",
    .surprise = "Coffee served in the room so they could start at once.",
    .failed = AMENDS_RATER_RESPONSIVENESS,
    .shown = AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_STILL_UNHAPPY,
  },
  {
    .customer = SANTOS, .owner = HANNAH, .category = "Staff attitude",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_SURVEY,
    .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 6, .at = 930, .logged_after = DAYS (2),
    .recovered_after = DAYS (2) + HOURS (6), .follow_up_after = 96,
    .summary = "Waiter sighed at a late breakfast after her night shift",
    .description = "On the survey: she came in at half past ten after a night "
      "shift and the waiter sighed and said breakfast was “basically over”.",
    .fix = "Called her to apologise; the waiter wrote her a note himself.",
    .surprise = "Breakfast until noon for her on conference days.",
    .failed = AMENDS_RATER_EMPATHY,
    .shown = AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_SATISFIED,
  },
  {
    .key = "warm-room", .customer = OBRIEN, .owner = AIKO, .category = "Room",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 3, .at = 2115, .recovered_after = 75, .follow_up_after = 96,
    .summary = "Late arrival's room ice-cold with the window open",
    .description = "On the evening check I found Mr O'Brien's room freezing: "
      "heating off and the window open since housekeeping. He was due in an "
      "hour after a long drive.",
    .fix = "Closed the window and turned the heating up an hour before he "
      "arrived, and told him at check-in.",
    .surprise = "A cold beer waiting in his now-warm room.",
    .surprise_cost = 700,
    .failed = AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
  },
  {
    .customer = MENDOZA, .owner = TOM, .category = "Booking",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_CHAT,
    .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 2, .at = 1130, .recovered_after = HOURS (4), .follow_up_after = 144,
    .summary = "Booking for his mother's 80th birthday lunch lost",
    .description = "Mr Mendoza asked in the chat for the menu for his mother's "
      "birthday lunch. We had no booking at all: it was taken on the phone "
      "and never entered.",
    .fix = "Booked the private dining room for the same date and menu and "
      "confirmed it in writing.",
    .surprise = "Flowers for his mother on the day, and the band's favourite "
      "table.",
    .surprise_cost = 4500,
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_ASSURANCE | AMENDS_RATER_EMPATHY,
    .reaction = AMENDS_REACTION_BLOWN_AWAY,
  },
  {
    .customer = THOMPSON, .owner = MARIA, .category = "Parking",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_RECOVERED,
    .days_ago = 10, .at = 1705, .recovered_after = HOURS (22), .follow_up_after = 72,
    .summary = "Height barrier scraped the roof of his van",
    .description = "Mr Thompson's van scraped the car park barrier: the height "
      "sign says 2.3 m but the barrier hangs lower since the new lights went "
      "in.",
    .fix = "Agreed to pay for the repair at his body shop, no forms.",
    .surprise = "Brunch for two before the next Chiefs home game.",
    .surprise_cost = 6000,
    .failed = AMENDS_RATER_TANGIBLES | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_ASSURANCE,
  },

  /* Today and the last few days: in recovery */
  {
    .customer = ZHANG, .owner = TOM, .category = "Housekeeping",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_IN_RECOVERY,
    .at = 1930, .min_age = HOURS (3), .logged_after = 12, .paused_after = HOURS (2),
    .pause_reason = "Waiting for Mr Zhang to send a photo of the receipt and the "
      "care label, so we can pay for a replacement.",
    .summary = "Hotel laundry shrank his wool suit jacket",
    .description = "Mr Zhang sent his suit to the laundry for a client "
      "presentation; the jacket came back a size smaller. He rang from his "
      "room, calm but clearly upset: it's the suit he wears for clients.",
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_EMPATHY | AMENDS_RATER_RESPONSIVENESS,
  },
  {
    .customer = HALVORSEN, .owner = SAM, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .status = AMENDS_CASE_STATUS_IN_RECOVERY,
    .at = 1340, .min_age = 90, .logged_after = 5,
    .summary = "Nut crumb on the dessert of a delegate with a nut allergy",
    .description = "Ms Halvorsen is on the conference allergy list, yet her "
      "dessert came with a praline crumb. She spotted it and called the "
      "waiter over before touching it.",
    .fix = "Took the plate away and served a nut-free sorbet from a sealed tub; "
      "the kitchen is going through how it happened.",
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
    .shown = AMENDS_RATER_RESPONSIVENESS,
  },
  {
    .customer = BOATENG, .owner = PRIYA, .category = "Billing",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_EMAIL,
    .status = AMENDS_CASE_STATUS_IN_RECOVERY,
    .days_ago = 2, .at = 1615, .logged_after = 60, .follow_up_after = 30,
    .summary = "Kick-off invoice charges for AV they brought themselves",
    .description = "The invoice has $1,850 for projectors and microphones. Mr "
      "Boateng's team brought their own and never used ours, and he wants it "
      "gone before his finance team pays.",
    .failed = AMENDS_RATER_RELIABILITY,
  },
  {
    .customer = ORTIZ, .owner = LUKAS, .category = "Registration",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_IN_RECOVERY,
    .at = 815, .min_age = HOURS (2), .logged_after = 10,
    .summary = "Lanyards ran out; forty nurses without one",
    .description = "We ordered lanyards for the registered number, not for "
      "walk-ins. Forty delegates were holding their badges in their hands.",
    .fix = "Handed out clip badges to tide them over; two hundred lanyards "
      "ordered from the print shop for same-day pick-up.",
    .failed = AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS,
  },
  {
    .customer = DOYLE, .owner = AIKO, .category = "Room",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_IN_RECOVERY,
    .at = 1610, .min_age = 45, .logged_after = 8,
    .summary = "No picture on the TV in her room",
    .description = "Mrs Doyle rang down: the TV shows nothing but a blue "
      "screen, and maintenance told her “later today”.",
    .fix = "Brought up a TV from the store room while maintenance orders the "
      "part.",
    .failed = AMENDS_RATER_TANGIBLES | AMENDS_RATER_RESPONSIVENESS,
    .shown = AMENDS_RATER_RESPONSIVENESS,
  },
  {
    .customer = PATEL, .owner = TOM, .category = "Housekeeping",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_IN_RECOVERY,
    .at = 1745, .min_age = HOURS (2), .logged_after = 5,
    .summary = "No cot for the Patels' youngest",
    .description = "At check-in I saw the cot request wasn't on the room list, "
      "and all three of our cots are in use.",
    .fix = "Borrowed a travel cot from our sister hotel; set up in their room.",
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_TANGIBLES,
    .shown = AMENDS_RATER_RESPONSIVENESS | AMENDS_RATER_EMPATHY,
  },

  /* Open */
  {
    .customer = OBRIEN, .logged_by = AIKO, .category = "Room",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_OPEN,
    .at = 710, .min_age = 40, .logged_after = 6,
    .summary = "Shower drains slowly in 305",
    .description = "Mr O'Brien rang: standing in two inches of water by the "
      "end of his shower.",
  },
  {
    .customer = MARTIN, .logged_by = HANNAH, .category = "Food & drink",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_SURVEY,
    .status = AMENDS_CASE_STATUS_OPEN,
    .days_ago = 4, .at = 815, .logged_after = DAYS (3) + HOURS (2),
    .summary = "Survey: cold eggs at breakfast three mornings running",
    .description = "“Lovely staff, but the scrambled eggs were cold three "
      "mornings in a row, and nobody seemed to notice.” Ms Martin writes "
      "about hotels for a living.",
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_TANGIBLES,
  },
  {
    .customer = KOWALCZYK, .owner = MARIA, .category = "Staff attitude",
    .severity = AMENDS_SEVERITY_MAJOR, .channel = AMENDS_CHANNEL_EMAIL,
    .status = AMENDS_CASE_STATUS_OPEN,
    .days_ago = 2, .at = 1310, .logged_after = HOURS (3),
    .summary = "Car park attendant shouted at him for stopping in the bus bay",
    .description = "Mr Kowalczyk stopped for two minutes to unload the Rotary "
      "banner. The attendant shouted at him across the car park. He wrote to "
      "us the same afternoon.",
    .failed = AMENDS_RATER_EMPATHY,
  },
  {
    .customer = ACHEBE, .owner = PRIYA, .category = "Booking",
    .severity = AMENDS_SEVERITY_COLOSSAL, .channel = AMENDS_CHANNEL_PHONE,
    .status = AMENDS_CASE_STATUS_OPEN,
    .days_ago = 3, .at = 1120, .logged_after = 10, .follow_up_after = 30,
    .summary = "Retreat booked for October instead of September",
    .description = "Pastor Achebe called to confirm room numbers for the "
      "retreat and we have it in October. Half of the September rooms are "
      "now taken by a wedding block.",
    .failed = AMENDS_RATER_RELIABILITY | AMENDS_RATER_ASSURANCE,
  },
  {
    .customer = SANTOS, .owner = TOM, .category = "Housekeeping",
    .severity = AMENDS_SEVERITY_MINOR, .channel = AMENDS_CHANNEL_IN_PERSON,
    .noticed_by = AMENDS_NOTICED_BY_STAFF, .status = AMENDS_CASE_STATUS_OPEN,
    .at = 930, .min_age = 60, .logged_after = 5,
    .summary = "Room not ready for a guest coming off a night shift",
    .description = "Ms Santos is in the lobby after a night shift and her room "
      "is still on the dirty list. She says she is fine to wait; she "
      "clearly isn't.",
    .failed = AMENDS_RATER_RESPONSIVENESS,
  },
  {
    .customer = BROOKS, .owner = LUKAS, .category = "Meeting rooms",
    .severity = AMENDS_SEVERITY_MODERATE, .channel = AMENDS_CHANNEL_CHAT,
    .status = AMENDS_CASE_STATUS_OPEN,
    .at = 1050, .min_age = 30, .logged_after = 12,
    .summary = "Floor plan for the Garden Room shows 8 tables, she ordered 10",
    .description = "Ms Brooks sent the floor plan back from the chat with the "
      "error circled. The couple has already seen it.",
    .failed = AMENDS_RATER_RELIABILITY,
  },
};

/* Stories */


const DemoStory amends_demo_stories[] = {
  { "pins", AMENDS_STORY_STAGE_TOLD, { ROSA }, DAYS (1), DAYS (8),
    "Two pins for two kids",
    "At the summit, a delegate asked Rosa for a second blinking lapel pin: he "
    "has two children at home, and anyone with two children knows you never "
    "bring home one of anything. The rule said one per participant, so she "
    "said no. He didn't complain. But Rosa saw he was disappointed, counted "
    "the spares, and decided the rule wasn't worth it. Half an hour later she "
    "tapped him on the shoulder in his first session and handed him two pins. "
    "Then she worked out his children's cowboy-boot sizes in US sizes for "
    "him. He has booked for next year and asked for her by name. And the "
    "rule is gone." },
  { "ballroom", AMENDS_STORY_STAGE_TOLD, { PRIYA, LUKAS }, DAYS (2), DAYS (15),
    "The bar mitzvah we nearly lost",
    "Mrs Goldberg found out from her caterer that we had given her son's "
    "ballroom to somebody else. Priya didn't wait for a meeting: she called "
    "the other client, Lukas had the Garden Room ready for them within the "
    "hour, and Mrs Goldberg had her confirmation in writing three hours after "
    "she first called. Then Priya offered her a tasting with the chef, which "
    "our rules only allow for big parties, because she needed to see it to "
    "believe it. Noah's day went perfectly." },
  { "trains", AMENDS_STORY_STAGE_TOLD, { MARIA, TOM }, DAYS (2), DAYS (12),
    "Three tired kids and a train set",
    "Nine at night, a full house, and a family of five with rooms on two "
    "different floors. Maria knocked on one door and asked a single guest if "
    "he'd move down the corridor for a free breakfast; he said yes. Tom "
    "carried the bags. Forty minutes later the Patel children were asleep in "
    "connecting rooms, and in the morning Arjun found a wooden train set "
    "outside the door." },
  { "ramadan", AMENDS_STORY_STAGE_DRAFTED, { JOSH }, DAYS (3), 0,
    "Breakfast before dawn",
    "On his night round Josh found a breakfast tray cooling outside Mr "
    "Karimi's door. During Ramadan that meal has to last him until sunset, "
    "and he is not the kind of guest who complains. Josh knocked softly, "
    "brought a hot breakfast, and changed how room service delivers for the "
    "rest of the month. That evening Mr Karimi broke his fast with dates and "
    "laban and a card from us." },
  { "keynote", AMENDS_STORY_STAGE_DRAFTED, { LUKAS }, DAYS (2), 0,
    "Six minutes late, and nobody minded",
    "Five minutes before the keynote the ballroom projector gave up. Lukas "
    "ran to the Garden Room, unplugged its projector, and had the slides up "
    "from a USB stick while the audience was still finding seats. Ms Nwosu "
    "started six minutes late and opened with a joke about it." },
  { "car", AMENDS_STORY_STAGE_DRAFTED, { TOM }, DAYS (4), 0,
    "The hotel car",
    "Mrs Doyle had sat by the door in her coat for twenty-five minutes "
    "waiting for a taxi that never came, and hadn't said a word. Tom noticed. "
    "The hotel car is for airport runs booked ahead, but it was standing in "
    "the car park, so Tom drove her to her son's himself." },
  { "pillows", AMENDS_STORY_STAGE_CANDIDATE, { TOM }, HOURS (20), 0,
    "Foam pillows in fifteen minutes", NULL },
  { "room-112", AMENDS_STORY_STAGE_CANDIDATE, { AIKO }, DAYS (1), 0,
    "Room 112 is Ms Liu's room", NULL },
  { "rice", AMENDS_STORY_STAGE_CANDIDATE, { TOM }, DAYS (1), 0,
    "A refund nobody asked for, and a bag of rice",
    "Tom found the billing mistake before Ms Sato did, and remembered she "
    "missed proper rice." },
  { "buffet", AMENDS_STORY_STAGE_CANDIDATE, { SAM }, HOURS (6), 0,
    "A table of her own", NULL },
  { "wedding-block", AMENDS_STORY_STAGE_CANDIDATE, { MARIA }, DAYS (2), 0,
    "Eleven rooms back before anybody knew", NULL },
  { "warm-room", AMENDS_STORY_STAGE_CANDIDATE, { AIKO }, HOURS (2), 0,
    "A warm room and a cold beer", NULL },
};

/* Routine timeline entries, in several wordings.  {name} is how the staff
 * write of the customer, {text} a case's own words. */



static const char * const contact_in_person[] = {
  "Listened to {name} and wrote down exactly what happened.",
  "{name} told me what happened. Took the details and said I'd handle it myself.",
  "Sat down with {name}, away from everyone, and heard the whole story.",
};
static const char * const contact_phone[] = {
  "Took {name}'s call and said I'd own this from here.",
  "Called {name} back within the hour to go through it.",
  "Spoke to {name} on the phone and gave my name and direct line.",
};
static const char * const contact_email[] = {
  "Replied to {name}'s email with my direct number and a time I'd report back.",
  "Answered {name} by email, then rang to hear it first-hand.",
};
static const char * const contact_chat[] = {
  "Picked up {name}'s chat and moved it to a phone call.",
  "Answered {name} in the web chat within a few minutes.",
};
static const char * const contact_social[] = {
  "Replied to {name}'s post to say we're on it, then moved to a private message.",
  "Sent {name} a direct message with my phone number instead of answering in public.",
};
static const char * const contact_survey[] = {
  "Read {name}'s survey comment and phoned. Surprised anyone reads those, apparently.",
  "Called {name} about the survey to say thank you for telling us.",
};

const DemoPhrases amends_demo_contact_phrases[] = {
  [AMENDS_CHANNEL_IN_PERSON] = PHRASES (contact_in_person),
  [AMENDS_CHANNEL_PHONE]     = PHRASES (contact_phone),
  [AMENDS_CHANNEL_EMAIL]     = PHRASES (contact_email),
  [AMENDS_CHANNEL_CHAT]      = PHRASES (contact_chat),
  [AMENDS_CHANNEL_SOCIAL]    = PHRASES (contact_social),
  [AMENDS_CHANNEL_SURVEY]    = PHRASES (contact_survey),
};

/* Nobody complained: staff noticed first. */
static const char * const contact_proactive[] = {
  "Spotted it before {name} said a word, and went over to explain.",
  "{name} hadn't complained, but I'd have been disappointed too. Went over to put it right.",
  "Caught it on my round and let {name} know straight away.",
  "Told {name} about it before it could be found out the hard way.",
};

static const char * const apologies[] = {
  "Apologised to {name}: our mistake, no excuses.",
  "Said sorry and told {name} what we'd do and by when.",
  "Apologised on behalf of the team and gave {name} my name as the contact.",
  "Said sorry to {name} and explained plainly what went wrong on our side.",
  "Apologised. {name} was gracious about it, which somehow made it worse.",
};

static const char * const status_reports[] = {
  "Update to {name}: still on it, and I'll call again before the end of my shift.",
  "Let {name} know where things stand, as promised.",
  "Called {name} with a progress report.",
  "Texted {name} an update so nobody has to chase us.",
};

static const char * const resolution_blown_away[] = {
  "{name} was lost for words: no hotel had ever done that before.",
  "{name}, in so many words: “I'm blown away.”",
  "“I didn't expect that at all,” said {name}. Blown away.",
  "{name} laughed: “I'm telling everyone about this.”",
};
static const char * const resolution_satisfied[] = {
  "{name} is happy with how it was sorted.",
  "{name} said thank you; all settled.",
  "Checked with {name}: all good now.",
};
static const char * const resolution_neutral[] = {
  "{name} accepted the fix. Polite, but no warmer than before.",
  "{name} said “fine” and moved on.",
};
static const char * const resolution_still_unhappy[] = {
  "{name} is still unhappy and says it should never have happened. Offered a call with the manager.",
  "{name} took the fix but isn't won over.",
};
static const char * const resolution_unknown[] = {
  "Done. Couldn't reach {name} to ask how it went down; left a message.",
};

const DemoPhrases amends_demo_resolution_phrases[] = {
  [AMENDS_REACTION_UNKNOWN]       = PHRASES (resolution_unknown),
  [AMENDS_REACTION_BLOWN_AWAY]    = PHRASES (resolution_blown_away),
  [AMENDS_REACTION_SATISFIED]     = PHRASES (resolution_satisfied),
  [AMENDS_REACTION_NEUTRAL]       = PHRASES (resolution_neutral),
  [AMENDS_REACTION_STILL_UNHAPPY] = PHRASES (resolution_still_unhappy),
};

static const char * const follow_up_unknown[] = {
  "Sent {name} a follow-up email; no reply yet.",
  "Left {name} a follow-up message.",
};
static const char * const follow_up_yes[] = {
  "Follow-up call: {name} has booked again.",
  "Checked in with {name}: booked again for next month.",
  "{name} was back with us this week, and said the way we put it right was why.",
};
static const char * const follow_up_no[] = {
  "Follow-up call: {name} appreciated it but has no plans to come back.",
  "Followed up with {name}. Polite, but going elsewhere.",
};

const DemoPhrases amends_demo_follow_up_phrases[] = {
  [AMENDS_CAME_BACK_UNKNOWN] = PHRASES (follow_up_unknown),
  [AMENDS_CAME_BACK_YES]     = PHRASES (follow_up_yes),
  [AMENDS_CAME_BACK_NO]      = PHRASES (follow_up_no),
};

static const char * const lesson_notes[] = {
  "Raised at the Monday briefing: {text}",
  "For the whole team: {text}",
  "Added to the handbook: {text}",
};

/* A manager to the owner of an overdue case... */
static const char * const overdue_nudges[] = {
  "Past the 24 hours and still not put right. What do you need to finish this today?",
  "Over the clock. Let's not let {name} wait another day.",
  "Saw this go red on the dashboard. Anything I can take off your plate?",
};

/* ...or the owner, who is a manager, to themselves. */
static const char * const overdue_own[] = {
  "Past the 24 hours. Chasing this first thing.",
  "Overdue, and I know it. Top of my list today.",
};

static const char * const unowned_notes[] = {
  "Logged it; this needs an owner.",
  "Whoever is on the desk next, please take this one.",
  "Logged for the next shift. Nobody has picked it up yet.",
};

/* What the code picks from, with its size. */
const DemoPhrases amends_demo_contact_proactive = PHRASES (contact_proactive);
const DemoPhrases amends_demo_apologies = PHRASES (apologies);
const DemoPhrases amends_demo_status_reports = PHRASES (status_reports);
const DemoPhrases amends_demo_lesson_notes = PHRASES (lesson_notes);
const DemoPhrases amends_demo_overdue_nudges = PHRASES (overdue_nudges);
const DemoPhrases amends_demo_overdue_own = PHRASES (overdue_own);
const DemoPhrases amends_demo_unowned_notes = PHRASES (unowned_notes);

const guint amends_demo_n_cases = G_N_ELEMENTS (amends_demo_cases);
const guint amends_demo_n_stories = G_N_ELEMENTS (amends_demo_stories);
