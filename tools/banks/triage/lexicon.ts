/**
 * Case-insensitive phrase patterns for the presentations that public triage guidance treats as high
 * risk (see domains/triage/README.md), and for the everyday complaints that are safe at home.
 * Negation is handled by the caller (text-match.ts), so patterns describe the finding only.
 */

const PRONOUN = "(?:my|his|her|their|the|your)";

export const LEXICON = {
  chestPain: new RegExp(
    [
      '\\bchest\\s*(?:pain|pressure|tightness|tight|heaviness|heavy|discomfort|squeez\\w*|ache|hurts?|burning|crushing)',
      `\\b(?:pressure|tightness|heaviness|squeezing|crushing|pain|ache|discomfort)\\s+(?:in|on|across|around|behind)\\s+${PRONOUN}?\\s*(?:chest|sternum|breastbone)`,
      `\\b(?:elephant|weight)\\s+(?:sitting\\s+)?on\\s+${PRONOUN}?\\s*chest`,
      '\\bangina\\b',
      `\\b(?:tight|heavy|crushing|squeezing)\\s+(?:feeling\\s+(?:in|on|across)\\s+)?${PRONOUN}?\\s*chest`,
    ].join('|'),
    'i',
  ),
  jawPain: /\bjaw\b(?:\s+(?:pain|ache|aching|discomfort|tightness))?/i,
  armPain: new RegExp(`\\b(?:left\\s+)?arm\\s+(?:pain|ache|aching|heaviness|heavy|discomfort|numb\\w*)|\\bpain\\s+(?:in|down|into)\\s+${PRONOUN}?\\s*(?:left\\s+)?(?:arm|shoulder)|\\b(?:to|into|down)\\s+${PRONOUN}?\\s*left\\s+(?:arm|shoulder)`, 'i'),
  epigastric: /\bepigastr\w*|\bindigestion|\bheartburn|\bdyspepsia|\bupper\s+(?:abdominal|stomach|belly)\s+(?:pain|discomfort|ache)|\bacid\s+reflux/i,
  backOrNeck: /\bbetween\s+(?:the|my|his|her)?\s*shoulder\s*blades?|\bneck\s+(?:pain|tightness|discomfort)/i,
  fatigueOrNausea: /\b(?:fatigue|unusual(?:ly)?\s+tired|exhaust\w*|weak\s+and\s+tired|nause\w*|queasy|lightheaded|light-headed)/i,
  radiation: /\bradiat\w*(?:\s+(?:to|into|down|up)\s+(?:the\s+|my\s+|his\s+|her\s+)?(?:left\s+|right\s+|both\s+)?(?:arms?|jaw|neck|back|shoulders?))?|\bspread\w*\s+(?:to|into|down|up)|\bgoes\s+(?:to|into|down|up)\s+(?:my|his|her|the)?\s*(?:arm|jaw|neck|back|shoulder)|\bmov\w*\s+(?:to|into)\s+(?:my|his|her|the)?\s*(?:arm|jaw|neck|back|shoulder)/i,
  diaphoresis: /\bsweat\w*|\bdiaphore\w*|\bclammy|\bdrenched/i,
  dyspnea:
    /\bshort(?:ness)?\s+of\s+breath|\bsob\b|\bbreathless\w*|\b(?:can'?t|cannot)\s+(?:catch\s+\w+\s+)?breath\w*|\bcannot\s+breathe|\b(?:trouble|difficulty|struggling|hard\s+to|problems?)\s+(?:with\s+)?breath\w*|\bout\s+of\s+breath|\bwheez\w*|\blabou?red\s+breathing|\bbreathing\s+(?:fast|hard|rapid\w*|heavily)|\bwinded/i,
  severeRespiratory:
    /\b(?:blue|grey|gray)\s+lips|\blips\s+(?:are\s+|look\s+|turning\s+)?(?:blue|grey|gray)|\bturning\s+blue|\bcyanos\w*|\bcyanotic|\bstridor|\bgasping|\bchoking|\b(?:can'?t|cannot)\s+(?:talk|speak|get)\s+(?:\w+\s+)?(?:in\s+)?full\s+sentences|\bspeaking\s+in\s+(?:single\s+)?words|\bribs?\s+(?:sucking|pulling)\s+in|\bretractions?|\bthroat\s+(?:is\s+)?(?:closing|swelling|swollen|tight\w*)|\b(?:tongue|lips?)\s+(?:is\s+|are\s+)?(?:swell\w*|swollen)|\bswollen\s+(?:tongue|lips?|throat)|\bdrooling\s+and|\bnot\s+breathing|\bstopped\s+breathing|\bsevere(?:ly)?\s+(?:shortness\s+of\s+breath|short\s+of\s+breath|breathless\w*|difficulty\s+breathing)|\b(?:only|single|one|a\s+few)\s+(?:\w+\s+){0,3}words?\s+at\s+a\s+time/i,
  strokeFace: /\b(?:face|facial)\s+(?:is\s+)?(?:droop\w*|numb\w*|weak\w*|uneven|lopsided)|\bdroop\w*\s+(?:on\s+one\s+side|face|mouth|smile|eyelid)|\bmouth\s+(?:is\s+)?droop\w*|\blopsided\s+smile|\bone\s+side\s+of\s+(?:my|his|her|the)\s+face/i,
  strokeArm:
    /\b(?:arm|leg|hand)\s+(?:went\s+|is\s+|feels\s+)?(?:weak\w*|limp|dead)|\bweak(?:ness)?\s+(?:in|on)\s+(?:one|the\s+left|the\s+right|(?:my|his|her)\s+(?:left|right))\s*(?:side|arm|leg)?|\b(?:can'?t|cannot)\s+(?:lift|raise|move)\s+(?:my|his|her|one|the)\s+(?:left\s+|right\s+)?(?:arm|leg|hand)|\bone-?sided\s+weakness|\bnumb\w*\s+(?:on|down)\s+one\s+side|\bhemipar\w*/i,
  strokeSpeech: /\bslurr\w*|\bgarbled|\btrouble\s+(?:speaking|talking|finding\s+words)|\bwords\s+(?:are\s+|come\s+out\s+)?(?:jumbled|mixed\s+up|wrong)|\b(?:can'?t|cannot)\s+(?:find|get)\s+(?:the\s+|his\s+|her\s+|my\s+)?words|\baphasi\w*/i,
  strokeEyes: /\bsudden\w*\s+(?:loss\s+of\s+vision|vision\s+loss|blurr\w*\s+vision|double\s+vision|blind\w*)|\blost\s+(?:the\s+)?vision|\b(?:can'?t|cannot)\s+see\s+out\s+of|\bcurtain\s+(?:over|across)/i,
  strokeBalance: /\bsudden\w*\s+(?:loss\s+of\s+balance|unsteady|(?:can'?t|cannot)\s+walk|dizz\w*\s+and\s+(?:(?:can'?t|cannot)|unable))|\b(?:can'?t|cannot)\s+walk\s+straight|\bfalling\s+to\s+one\s+side/i,
  strokeWord: /\bstroke\b|\bbe-?fast\b/i,
  alteredMental:
    /\bconfus\w*|\bdisorient\w*|\bnot\s+making\s+sense|\bunresponsive|\bunconscious|\bpass(?:ed|ing|es)?\s+out|\bfaint(?:ed|ing)|\bsyncop\w*|\bblack(?:ed)?\s+out|\bhard\s+to\s+(?:wake|rouse)|\bwon'?t\s+wake|\bdifficult\s+to\s+(?:wake|rouse)|\bnot\s+waking|\bletharg\w*|\bfloppy|\blistless|\bseiz\w*|\bconvuls\w*|\bnot\s+acting\s+like\s+(?:him|her|them)sel\w*|\bacting\s+(?:strange|weird|odd)\w*|\bdelirious|\bincoheren\w*|\baltered\s+(?:mental|mentation|consciousness)|\bvery\s+(?:sleepy|drowsy)/i,
  thunderclap:
    /\bworst\s+headache|\bthunderclap|\b(?:sudden\w*|abrupt\w*|explosive|instant\w*)\s+(?:severe\s+|bad\s+|terrible\s+|excruciating\s+)?headache|\bheadache\s+(?:that\s+)?(?:came|come|hit)\s+on\s+(?:all\s+at\s+once|suddenly|in\s+seconds|like)|\blike\s+(?:being\s+)?(?:hit|struck)\s+(?:on|in)\s+the\s+(?:head|back\s+of\s+the\s+head)|\bheadache\b[^.]{0,50}\bstiff\s+neck|\bstiff\s+neck\b[^.]{0,50}\bheadache/i,
  fever: /(?<!\bhay\s)\bfever\w*|\bfebrile|\bhigh\s+temp\w*|\brunning\s+a\s+temp\w*|\btemp(?:erature)?\s+(?:of\s+)?(?:3[89]|4[0-2]|10[0-6])|\bchills\b|\brigou?rs|\bburning\s+up|\bhot\s+to\s+(?:the\s+)?touch/i,
  sepsis:
    /\bmottl\w*|\bblotchy\s+skin|\brigou?rs|\bshaking\s+chills|\buncontrollabl\w*\s+shiver\w*|\b(?:not|hasn'?t|haven'?t|no)\s+(?:peed|urinat\w*|passed\s+urine|wet\s+diapers?)|\bno\s+urine|\b(?:purple|non-?blanching)\s+(?:spots|rash|blotches)|\brash\s+that\s+(?:doesn'?t|does\s+not|won'?t)\s+fade|\bpetechia\w*|\bsense\s+of\s+(?:impending\s+)?doom|\bfeels?\s+like\s+(?:\w+\s+)?(?:is\s+|am\s+|are\s+)?(?:going\s+to\s+)?dy(?:e|ing)|\bsepsis|\bseptic/i,
  allergy: /\banaphyla\w*|\ballergic\s+reaction|\ballerg\w*\s+to|\bhives\b|\bepi-?pen|\bepinephrine|\b(?:bee|wasp|hornet)\s+sting|\bstung\s+by|\bate\s+(?:a\s+|some\s+)?(?:peanut|nut|shellfish|shrimp)\w*/i,
  overdose:
    /\boverdos\w*|\btook\s+(?:too\s+many|a\s+(?:bunch|handful|lot)\s+of|all\s+(?:of\s+)?(?:my|his|her|the)|the\s+whole)|\bswallowed\s+(?:a\s+(?:bunch|handful)|pills|tablets|bleach|batter\w*|\w+\s+pills)|\bingest\w*|\bpoison\w*|\bwhole\s+(?:bottle|pack\w*|box)\s+of|\bdrank\s+(?:bleach|antifreeze|cleaner|detergent)|\btoo\s+much\s+(?:of\s+)?(?:\w+\s+)?(?:medication|medicine|insulin|tylenol|acetaminophen|paracetamol|oxy\w*)|\bgot\s+into\s+(?:the\s+|\w+'s\s+)?(?:pills|medicine|medication)/i,
  suicidal:
    /\bsuicid\w*|\bkill(?:ing)?\s+(?:my|him|her|them)sel\w*|\bbetter\s+off\s+without\s+me|\bend\s+(?:my|his|her|their|it\s+all)\s*(?:life)?|\bwant(?:s|ed)?\s+to\s+die|\bbetter\s+off\s+dead|\bdon'?t\s+want\s+to\s+(?:live|be\s+alive|be\s+here\s+anymore)|\bself[- ]?harm\w*|\bcutting\s+(?:my|him|her)sel\w*|\bhurt\w*\s+(?:my|him|her)sel\w*|\bno\s+reason\s+to\s+live/i,
  pregnancy: /\bpregnan\w*|\bweeks\s+(?:along|gestation)|\bexpecting\s+a\s+baby|\bmissed\s+(?:my|her|a)\s+period/i,
  vaginalBleedingOrPain: /\bvaginal\s+bleed\w*|\bbleeding|\bspotting|\bpassing\s+clots|\b(?:abdominal|belly|stomach|pelvic|lower\s+abdominal)\s+(?:pain|cramp\w*)|\bcramp\w*|\bshoulder\s+tip\s+pain/i,
  severeBleeding:
    /\b(?:bleeding|blood)\s+(?:won'?t|will\s+not|doesn'?t|does\s+not|that\s+won'?t)\s+stop|\bspurting|\bsoak\w*\s+(?:through|a\s+towel)|\bheavy\s+bleeding|\bbleeding\s+(?:heavily|a\s+lot)|\bvomit\w*\s+(?:up\s+)?blood|\bthrowing\s+up\s+blood|\bcoffee[- ]grounds?|\bblack\s+(?:tarry\s+)?stools?|\btarry\s+stools?|\bcough\w*\s+(?:up\s+)?blood|\bblood\s+in\s+(?:\w+\s+)?(?:stool|vomit)|\bhemorrhag\w*|\bhaemorrhag\w*/i,
  acuteAbdomen:
    /\b(?:severe|worst|excruciating|intense|terrible|unbearable)\s+(?:\w+\s+)?(?:abdominal|abdomen|stomach|belly|tummy)\s+pain|\b(?:abdominal|abdomen|stomach|belly|tummy)\s+pain\b[^.]{0,40}\b(?:severe|worst|excruciating|(?:can'?t|cannot)\s+(?:stand|move|walk)|rigid|hard\s+as\s+a\s+board|getting\s+worse)|\b(?:right\s+lower|lower\s+right)\s+(?:quadrant|abdom\w*|side|belly)|\brigid\s+(?:abdomen|belly)|\bguarding\b|\brebound/i,
  headInjury: /\b(?:hit|bumped|banged|struck|hurt)\s+(?:his|her|my|their|the\s+back\s+of\s+(?:his|her|my)|the)?\s*head|\bhead\s+(?:injury|trauma|wound)|\bfell\s+and\s+hit|\bfall\b[^.]{0,30}\bhead\b|\bconcussion/i,
  injuryNeedsCare:
    /\b(?:can'?t|cannot)\s+(?:bear|put)\s+(?:any\s+)?weight|\bunable\s+to\s+(?:bear|put)\s+weight|\bdeformit\w*|\bdeformed|\b(?:bent|crooked)\s+(?:wrong|at\s+an\s+angle)|\bbone\s+(?:sticking|visible|poking)|\bgaping|\bdeep\s+(?:cut|wound|gash|laceration)|\bneeds?\s+stitches|\bpossible\s+(?:fracture|break|broken)|\bbroken\s+(?:bone|arm|wrist|leg|ankle)|\bfractur\w*|\b(?:can'?t|cannot)\s+move\s+(?:it|his|her|my|the)\b/i,
  clinicComplaint:
    /(?<!upper\s)\b(?:stomach|belly|abdominal|tummy)\s+(?:pain|ache|cramp\w*)|\bbelly\s*ache|\bburning\s+urination|\bburning\s+(?:when|with|while)\s+(?:urinat\w*|peeing)|\bpainful\s+urination|\bdysuria|\b(?:peeing|urinating)\s+(?:a\s+lot|often|frequently)|\bfrequent\s+urination|\burinary\s+tract|\buti\b|\bsinus\s+(?:pain|pressure|infection)|\btoothache|\bcough\b[^.]{0,30}\b(?:weeks|three\s+weeks|a\s+month)|\bspreading\s+(?:red\w*|rash)|\binfected\s+(?:cut|wound)|\bstrep\b|\bwhite\s+(?:spots|patches)\s+on\s+(?:the\s+|his\s+|her\s+|my\s+)?tonsils/i,
  selfCareComplaint:
    /\b(?:common\s+)?cold\b(?!\s+(?:sweat|hands|feet|skin|and\s+clammy))|\brunny\s+nose|\bstuffy\s+nose|\bnasal\s+congest\w*|\bsneez\w*|\bsore\s+throat|\bscratchy\s+throat|\bmild\s+cough|\bsprain\w*|\btwisted\s+(?:my\s+|his\s+|her\s+)?(?:ankle|knee|wrist)|\brolled\s+(?:my\s+|his\s+|her\s+)?ankle|\b(?:minor|small|little|shallow)\s+(?:cut|scrape|burn|graze)|\bpaper\s+cut|\bscrap(?:e|ed)\s+(?:my|his|her)\s+(?:knee|elbow|hand)|\bgraze\w*|\bbruis\w*|\bback\s+(?:strain|ache|spasm)|\b(?:lower\s+)?back\s+pain\s+after\s+(?:lifting|gardening|moving)|\bpulled\s+(?:a\s+)?muscle|\bmuscle\s+(?:ache|strain|soreness)|\bmild\s+rash|\b(?:insect|bug|mosquito)\s+bites?|\bsunburn\w*|\bear\s*(?:ache|pain)|\bhay\s+fever|\bseasonal\s+allerg\w*|\bitchy\s+eyes|\bheartburn|\bacid\s+reflux|\b(?:sour|acid|bitter)\s+taste|\bafter\s+spicy\s+food|\bpink\s+eye|\bconjunctivitis|\bsticky\s+eyes?|\bstubbed|\bsplinter|\bcold\s+sore|\btension\s+headache|\bmild\s+(?:headache|diarrh\w*)|\bhangover|\btender\s+(?:to\s+(?:the\s+)?touch|when\s+(?:i|he|she)\s+press\w*)|\bhurts\s+(?:more\s+)?when\s+(?:i|he|she)\s+press\w*|\bafter\s+(?:lifting\s+weights|a\s+workout|the\s+gym)/i,
  sudden: /\bsudden\w*|\babrupt\w*|\ball\s+at\s+once|\bout\s+of\s+nowhere/i,
} as const;

/** Known conditions, matched against `caller_demographics.conditions` and medications. */
export const CONDITIONS = {
  diabetes: /\bdiabet\w*|\bt[12]dm?\b|\btype\s*[12]\b|\binsulin\b|\bmetformin/i,
  heartDisease: /\bcoronary|\bcad\b|\bheart\s+(?:attack|disease|failure)|\bmyocardial|\bmi\b|\bangina|\bstents?\b|\bbypass|\bcabg|\batrial\s+fib\w*|\bafib\b|\ba-?fib\b|\bchf\b|\bcardiomyopath\w*/i,
  hypertension: /\bhypertens\w*|\bhigh\s+blood\s+pressure|\bhtn\b/i,
  lipids: /\bcholesterol|\bhyperlipid\w*|\bdyslipid\w*|\bstatin/i,
  smoker: /\bsmok\w*|\btobacco|\bcigarette/i,
  familyHistory: /\bfamily\s+history/i,
  kidney: /\bkidney\s+(?:disease|failure)|\bckd\b|\bdialysis/i,
  immunocompromised:
    /\bchemo\w*|\bcancer|\bleuk(?:a)?emia|\blymphoma|\btransplant|\bhiv\b|\baids\b|\bimmuno\w*|\bsteroids?\b|\bprednis\w*|\bneutropen\w*|\bsickle\s+cell|\bsplenectomy|\basplen\w*|\bbiologics?\b|\bmethotrexate/i,
  anticoagulant: /\bwarfarin|\bcoumadin|\bapixaban|\beliquis|\brivaroxaban|\bxarelto|\bdabigatran|\bpradaxa|\bedoxaban|\bheparin|\benoxaparin|\bblood\s+thinners?|\banticoag\w*/i,
  pregnancy: /\bpregnan\w*|\bweeks\s+(?:along|gestation)/i,
} as const;
