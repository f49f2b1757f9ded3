// The code lists themselves; descriptions restated from the domain spec in our own wording.
#include "eoir/codes.h"

#include <array>
#include <string>
#include <vector>

namespace immstats::eoir {

namespace {

// "CODE|Name;CODE|Name;..." -> entries viewing into the static text.
std::vector<CodeName> ParsePairs(std::string_view text) {
  std::vector<CodeName> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(';', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = text.substr(pos, end - pos);
    const size_t bar = item.find('|');
    out.push_back({item.substr(0, bar), item.substr(bar + 1)});
    pos = end + 1;
  }
  return out;
}

constexpr std::string_view kNationalities =
    "??|Unknown;AB|Aruba;AC|Antigua and Barbuda;AF|Afghanistan;AG|Algeria;AL|Albania;AM|Armenia;AN|Andorra;"
    "AO|Angola;AR|Argentina;AS|Australia;AU|Austria;AV|Anguilla;AZ|Azerbaijan;BA|Bahrain;BB|Barbados;"
    "BC|Botswana;BD|Bermuda;BE|Belgium;BF|Bahamas;BG|Bangladesh;BH|Belize;BI|Bosnia-Herzegovina;BL|Bolivia;"
    "BM|Burma;BN|Benin;BO|Burkina Faso;BP|Solomon Islands;BR|Brazil;BS|Byelorussia;BT|Bhutan;BU|Bulgaria;"
    "BV|Bouvet Island;BW|British West Indies;BX|Brunei;BY|Burundi;BZ|Belarus;CA|Canada;CB|Kampuchea;"
    "CC|Cambodia;CD|Chad;CE|Sri Lanka;CF|Congo;CG|Zaire;CH|China;CI|Chile;CJ|Cayman Islands;CK|Cocos Island;"
    "CM|Cameroon;CN|Comoro Islands;CO|Colombia;CR|Czech Republic;CS|Costa Rica;CT|Central African Rep.;CU|Cuba;"
    "CV|Cape Verde;CW|Cook Islands;CX|Croatia;CY|Cyprus;CZ|Czechoslovakia;DA|Denmark;DC|Dem. Rep. of Congo;"
    "DJ|Djibouti;DM|People's Rep. of Benin;DO|Dominica;DR|Dominican Republic;EC|Ecuador;EG|Egypt;EI|Ireland;"
    "EK|Equatorial Guinea;EO|Estonia;ER|Eritrea;ES|El Salvador;ET|Ethiopia;FA|Falkland Islands;"
    "FG|French Guiana;FI|Finland;FJ|Fiji;FM|Micronesia;FO|Faeroe Islands;FP|French Polynesia;FR|France;"
    "FS|French Southern & Antarctic Lands;FW|French West Indies;GA|Gambia;GB|Gabon;GC|East Germany;GE|Germany;"
    "GH|Ghana;GI|Gibraltar;GJ|Grenada;GL|Greenland;GO|Georgia;GP|Guadeloupe;GR|Greece;GT|Guatemala;GV|Guinea;"
    "GY|Guyana;GZ|Gaza Strip;HA|Haiti;HK|Hong Kong;HL|Holland;HM|Heard & McDonald Is.;HO|Honduras;HU|Hungary;"
    "IC|Iceland;ID|Indonesia;IN|India;IO|British Indian Ocean Terr.;IR|Iran;IS|Israel;IT|Italy;"
    "IU|In absentia/unknown;IV|Ivory Coast;IZ|Iraq;JA|Japan;JM|Jamaica;JO|Jordan;KE|Kenya;KG|Kyrgyzstan;"
    "KN|North Korea;KR|Kiribati;KS|South Korea;KT|Christmas Island;KU|Kuwait;KV|Kosovo;KZ|Kazakhstan;LA|Laos;"
    "LE|Lebanon;LH|Lithuania;LI|Liberia;LS|Liechtenstein;LT|Lesotho;LU|Luxembourg;LV|Latvia;LY|Libya;"
    "MA|Madagascar;MB|Martinique;MC|Macau;MD|Moldova;MG|Mongolia;MH|Montserrat;MI|Malawi;MJ|Montenegro;ML|Mali;"
    "MM|Macedonia;MN|Monaco;MO|Morocco;MP|Mauritius;MQ|Midway Islands;MR|Mauritania;MT|Malta;MU|Oman;"
    "MV|Maldives;MX|Mexico;MY|Malaysia;MZ|Mozambique;NA|Netherlands Antilles;NC|New Caledonia;NE|Niue;"
    "NF|Norfolk Island;NG|Niger;NH|Vanuatu;NI|Nigeria;NL|Netherlands;NN|No nationality;NO|Norway;NP|Nepal;"
    "NR|Nauru;NS|Suriname;NU|Nicaragua;NZ|New Zealand;PA|Paraguay;PC|Pitcairn Islands;PE|Peru;PK|Pakistan;"
    "PL|Poland;PM|Panama;PN|Palestine;PO|Portugal;PP|Papua New Guinea;PS|Palau;PU|Guinea-Bissau;QA|Qatar;"
    "RE|Reunion;RM|Marshall Islands;RO|Romania;RP|Philippines;RS|Serbia;RU|Russia;RW|Rwanda;SA|Saudi Arabia;"
    "SB|St. Pierre & Miquelon;SC|St. Christopher-Nevis;SE|Seychelles;SF|South Africa;SG|Senegal;SH|St. Helena;"
    "SK|St. Kitts;SL|Sierra Leone;SM|San Marino;SN|Singapore;SO|Somalia;SP|Spain;SR|Slovak Republic;"
    "SS|Stateless;ST|St. Lucia;SU|Sudan;SV|Slovenia;SW|Sweden;SY|Syria;SZ|Switzerland;TA|Tajikistan;"
    "TC|United Arab Emirates;TD|Trinidad & Tobago;TH|Thailand;TK|Turks & Caicos;TL|Tokelau;TM|East Timor;"
    "TN|Tonga;TO|Togo;TP|Sao Tome & Principe;TR|Turkmenistan;TS|Tunisia;TU|Turkey;TV|Tuvalu;TW|Taiwan;"
    "TZ|Tanzania;UE|Ukraine;UG|Uganda;UK|United Kingdom;UN|Unknown nationality;UR|Soviet Union;UV|Upper Volta;"
    "UY|Uruguay;UZ|Uzbekistan;VC|St. Vincent & Grenadines;VE|Venezuela;VI|British Virgin Islands;VM|Vietnam;"
    "WA|Namibia;WI|Western Sahara;WS|Samoa;WZ|Swaziland;XS|South Sudan;XX|Be removed from the United States;"
    "YE|Yemen;YO|Yugoslavia;YS|Serbia-Montenegro;ZA|Zambia;ZI|Zimbabwe";

constexpr std::array<Court, 87> kCourts = {{
    {"AGA", "SAIPAN/AGANA", "GU", "Western"}, {"ATL", "ATLANTA", "GA", "Eastern"},
    {"BAL", "BALTIMORE", "MD", "Eastern"}, {"BDC", "BATAVIA", "NY", "Eastern"},
    {"BLM", "BLOOMINGTON", "MN", "Western"}, {"BOS", "BOSTON", "MA", "Eastern"},
    {"BUF", "BUFFALO", "NY", "Eastern"}, {"CHI", "CHICAGO", "IL", "Eastern"},
    {"DAL", "DALLAS", "TX", "Western"}, {"DEN", "DENVER", "CO", "Western"},
    {"DET", "DETROIT", "MI", "Eastern"}, {"ELO", "ELOY", "AZ", "Western"},
    {"ELP", "EL PASO", "TX", "Western"}, {"ELZ", "ELIZABETH", "NJ", "Eastern"},
    {"HAR", "HARLINGEN", "TX", "Western"}, {"HLG", "HARLINGEN DETAINED", "TX", "Western"},
    {"HON", "HONOLULU", "HI", "Western"}, {"HOU", "HOUSTON", "TX", "Western"},
    {"IMP", "IMPERIAL", "CA", "Western"}, {"KRO", "MIAMI KROME", "FL", "Eastern"},
    {"LAN", "LANCASTER", "CA", "Western"}, {"LOS", "LOS ANGELES", "CA", "Western"},
    {"LVG", "LAS VEGAS", "NV", "Western"}, {"MEM", "MEMPHIS", "TN", "Eastern"},
    {"MIA", "MIAMI", "FL", "Eastern"}, {"NEW", "NEWARK", "NJ", "Eastern"},
    {"NOL", "NEW ORLEANS", "LA", "Eastern"}, {"NYC", "NEW YORK", "NY", "Eastern"},
    {"NYD", "NEW YORK DETAINED", "NY", "Eastern"}, {"OAK", "OAKDALE", "LA", "Eastern"},
    {"ORL", "ORLANDO", "FL", "Eastern"}, {"PHI", "PHILADELPHIA", "PA", "Eastern"},
    {"PHO", "PHOENIX", "AZ", "Western"}, {"PIS", "PORT ISABEL", "TX", "Western"},
    {"POO", "PORTLAND", "OR", "Western"}, {"SAJ", "SAN JUAN", "PR", "Eastern"},
    {"SEA", "SEATTLE", "WA", "Western"}, {"SFR", "SAN FRANCISCO", "CA", "Western"},
    {"SNA", "SAN ANTONIO", "TX", "Western"}, {"SND", "SAN DIEGO", "CA", "Western"},
    {"SPD", "SAN PEDRO", "CA", "Western"}, {"TUC", "TUCSON", "AZ", "Western"},
    {"ULS", "ULSTER", "NY", "Eastern"}, {"WAS", "ARLINGTON", "VA", "Eastern"},
    {"YOR", "YORK", "PA", "Eastern"}, {"SLC", "SALT LAKE CITY", "UT", "Western"},
    {"CLE", "CLEVELAND", "OH", "Eastern"}, {"FLO", "FLORENCE", "AZ", "Western"},
    {"TAC", "TACOMA", "WA", "Western"}, {"CHL", "CHARLOTTE", "NC", "Eastern"},
    {"KAN", "KANSAS CITY", "MO", "Western"}, {"OMA", "OMAHA", "NE", "Western"},
    {"SAI", "SAIPAN", "MP", "Western"}, {"SDC", "STEWART", "GA", "Eastern"},
    {"HOD", "HOUSTON DETAINED", "TX", "Western"}, {"ADL", "ADELANTO", "CA", "Western"},
    {"PSD", "PEARSALL", "TX", "Western"}, {"AUR", "AURORA", "CO", "Western"},
    {"BTV", "BUTLER", "PA", "Eastern"}, {"ELC", "EL CENTRO", "CA", "Western"},
    {"EPD", "EL PASO DETAINED", "TX", "Western"}, {"OTM", "OTAY MESA", "CA", "Western"},
    {"OTO", "OTERO", "NM", "Western"}, {"JNA", "JENA", "LA", "Eastern"},
    {"LAD", "LOS ANGELES DETAINED", "CA", "Western"}, {"LOU", "LOUISVILLE", "KY", "Eastern"},
    {"CIC", "CHICAGO", "IL", "Eastern"}, {"FTW", "FORT WORTH", "TX", "Western"},
    {"NYV", "NEW YORK VARICK", "NY", "Eastern"}, {"NYB", "NEW YORK BROADWAY", "NY", "Eastern"},
    {"SMO", "SAN DIEGO", "CA", "Western"}, {"FCI", "FISHKILL", "NY", "Eastern"},
    {"ATD", "ATLANTA DETAINED", "GA", "Eastern"}, {"VNS", "VAN NUYS", "CA", "Western"},
    {"HSG", "HOUSTON GESSNER", "TX", "Western"}, {"NLA", "NORTH LAS VEGAS", "NV", "Western"},
    {"SIN", "SACRAMENTO", "CA", "Western"}, {"HGP", "HOUSTON GREENSPOINT", "TX", "Western"},
    {"HYA", "HYATTSVILLE", "MD", "Eastern"},
    {"SNC", "SAN ANTONIO CENTRAL", "TX", "Western"}, {"LRO", "LITTLE ROCK", "AR", "Western"},
    {"BIA", "BOARD OF IMMIGRATION APPEALS", "VA", "Eastern", true},
    {"CIJ", "CHIEF IMMIGRATION JUDGE", "VA", "Eastern", true},
    {"HDQ", "HEADQUARTERS", "VA", "Eastern", true}, {"RIC", "HEADQUARTERS COURT", "VA", "Eastern", true},
    {"OIT", "TEST COURT", "VA", "Eastern", true}, {"OIN", "TEST COURT NORTH", "VA", "Eastern", true},
}};

constexpr std::string_view kCaseTypes =
    "RMV|Removal;DEP|Deportation;EXC|Exclusion;AOC|Asylum Only;WHO|Withholding Only;CFR|Credible Fear Review;"
    "RFR|Reasonable Fear Review;CSR|Claimed Status Review;CDR|Continued Detention Review;REC|Rescission;"
    "NAC|NACARA Adjustment;DCC|Departure Control;DDC|DD Appeal";

constexpr std::string_view kCustody = "D|Detained;R|Released;N|Never Detained";

constexpr std::array<CourtDecision, 58> kCourtDecisions = {{
    // RMV outcomes (dec type C); X = Remove is the spec's [M] reading, the rest are plausible letters.
    {"RMV", "X", "Remove", 'C', "R"}, {"RMV", "V", "Voluntary Departure", 'C', "V"},
    {"RMV", "R", "Relief Granted", 'C', "G"}, {"RMV", "T", "Terminated", 'C', "T"},
    {"RMV", "E", "Remove-INA Withholding Granted", 'C', "G"}, {"RMV", "Z", "Remove-CAT Withholding Granted", 'C', "G"},
    {"RMV", "H", "Remove-CAT Deferral Granted", 'C', "G"}, {"RMV", "O", "Other", 'C', "O"},
    {"RMV", "W", "Withdrawal", 'C', "W"}, {"RMV", "U", "Dismissed by IJ", 'C', "T"},
    {"DEP", "D", "Deport", 'C', "R"}, {"DEP", "V", "Voluntary Departure", 'C', "V"},
    {"DEP", "R", "Relief Granted", 'C', "G"}, {"DEP", "T", "Terminated", 'C', "T"},
    {"EXC", "E", "Exclude", 'C', "R"}, {"EXC", "R", "Relief Granted", 'C', "G"}, {"EXC", "T", "Terminated", 'C', "T"},
    {"EXC", "W", "Withdrawal", 'C', "W"},
    {"AOC", "G", "Grant", 'C', "G"}, {"AOC", "D", "Deny", 'C', "R"}, {"AOC", "A", "Abandonment", 'C', "R"},
    {"AOC", "C", "Conditional Grant", 'C', "G"}, {"AOC", "L", "Grant-CAT Deferral", 'C', "G"},
    {"AOC", "W", "Withdrawn", 'C', "W"},
    {"WHO", "G", "Grant-INA Withholding", 'C', "G"}, {"WHO", "D", "Deny", 'C', "R"},
    {"WHO", "Z", "Grant-CAT Withholding", 'C', "G"}, {"WHO", "H", "Grant-CAT Deferral", 'C', "G"},
    {"WHO", "A", "Abandonment", 'C', "R"}, {"WHO", "W", "Withdrawn", 'C', "W"},
    {"CFR", "A", "Affirmed-DHS Decision", 'C', "R"}, {"CFR", "V", "Vacate-DHS Decision", 'C', "G"},
    {"RFR", "A", "Affirmed-DHS Decision", 'C', "R"}, {"RFR", "V", "Vacate-DHS Decision", 'C', "G"},
    {"CSR", "A", "Affirmed-DHS Decision", 'C', "R"}, {"CSR", "V", "Vacate-DHS Decision", 'C', "G"},
    // OTHER_COMP (dec type O), the same letters for the main case types.
    {"RMV", "C", "Change of Venue", 'O', "C"}, {"RMV", "T", "Transfer", 'O', "C"},
    {"RMV", "A", "Administrative Closing - Other", 'O', "A"}, {"RMV", "F", "Failure to Prosecute (DHS cases only)", 'O', "A"},
    {"RMV", "Y", "Prosecutorial Discretion - Admin Close", 'O', "A"},
    {"RMV", "M", "In Court Prosecutorial Discretion - Admin Closure", 'O', "A"},
    {"RMV", "O", "Other Administrative Completion", 'O', "A"}, {"RMV", "P", "Temporary Protected Status", 'O', "A"},
    {"RMV", "K", "Administrative Closure", 'O', "A"}, {"RMV", "B", "Administrative Closing - Failure to Appear", 'O', "A"},
    {"DEP", "C", "Change of Venue", 'O', "C"}, {"DEP", "T", "Transfer", 'O', "C"},
    {"DEP", "A", "Administrative Closing - Other", 'O', "A"},
    {"EXC", "C", "Change of Venue", 'O', "C"}, {"EXC", "T", "Transfer", 'O', "C"},
    {"AOC", "C", "Change of Venue", 'O', "C"}, {"AOC", "T", "Transfer", 'O', "C"},
    {"AOC", "A", "Administrative Closing - Other", 'O', "A"},
    {"WHO", "C", "Change of Venue", 'O', "C"}, {"WHO", "T", "Transfer", 'O', "C"},
    {"CFR", "T", "Transfer", 'O', "C"}, {"BND", "X", "Zero Bond", 'O', "A"},
}};

constexpr std::array<ApplicationType, 40> kApplications = {{
    {"ASYL", "ASYLUM", "ACDFGILMOPRSTW"}, {"ASYW", "ASYLUM WITHHOLDING", "ACDFGLMOPRSTW"},
    {"WCAT", "WITHHOLDING - CONVENTION AGAINST TORTURE", "ADGLMORSTW"},
    {"42A", "CANCELLATION OF REMOVAL FOR LPR", "ADGMORSTW"}, {"42B", "CANCELLATION OF REMOVAL FOR NON-LPR", "ACDGMORSTW"},
    {"245", "ADJUSTMENT OF STATUS", "ADGMORSTW"}, {"249", "REGISTRY", "ADGMORSTW"},
    {"SUSP", "SUSPENSION OF DEPORTATION", "ADGMORSTW"}, {"I881", "NACARA SUSPENSION OR CANCELLATION", "ADGMORSTW"},
    {"202", "NACARA ADJUSTMENT", "ADGMORSTW"}, {"212c", "WAIVER UNDER 212(C)", "ADGMORSTW"},
    {"212h", "WAIVER UNDER 212(H)", "ADGMORSTW"}, {"212i", "WAIVER UNDER 212(I)", "ADGMORSTW"},
    {"212d", "NONIMMIGRANT WAIVER 212(D)", "ADGMORSTW"}, {"212g", "MEDICAL WAIVER 212(G)", "ADGMORSTW"},
    {"212k", "WAIVER UNDER 212(K)", "ADGMORSTW"}, {"212L", "GUAM/CNMI WAIVER 212(L)", "ADGMORSTW"},
    {"212a", "UNLAWFUL PRESENCE WAIVER 212(A)(9)(B)(V)", "ADGMORSTW"},
    {"2129", "PRESENCE WAIVER 212(A)(9)(C)(III)", "ADGMORSTW"}, {"d11", "WAIVER UNDER 212(D)(11)", "ADGMORSTW"},
    {"209c", "REFUGEE WAIVER 209(C)", "ADGMORSTW"}, {"237H", "WAIVER UNDER 237(A)(1)(H)", "ADGMORSTW"},
    {"241a", "WAIVER UNDER 241(A)", "ADGMORSTW"}, {"241f", "WAIVER UNDER 241(F)", "ADGMORSTW"},
    {"WAIV", "OTHER WAIVER", "ADGMORSTW"}, {"216", "REMOVAL OF CONDITIONS", "ADGMORSTW"},
    {"VD", "VOLUNTARY DEPARTURE", "ADGMORSTW"}, {"WD", "WITHDRAWAL OF APPLICATION FOR ADMISSION", "ADGMORSTW"},
    {"WDL", "WITHDRAWAL OF APPLICATION FOR ADMISSION (LATE)", "ADGMORSTW"},
    {"CPC", "COERCIVE POPULATION CONTROL", "ADGMORSTW"}, {"A", "HRIFA", "ADGMORSTW"},
    {"B", "HRFA - PAROLE", "ADGMORSTW"}, {"BCA", "HRIFA BCA", "ADGMORSTW"}, {"BSP", "HRIFA BSP", "ADGMORSTW"},
    {"BUA", "HRIFA BUA", "ADGMORSTW"}, {"CI", "HRIFA CI", "ADGMORSTW"}, {"CII", "HRIFA CII", "ADGMORSTW"},
    {"CIII", "HRIFA CIII", "ADGMORSTW"}, {"PRMF", "PRIMA FACIE", "ADGMORSTW"}, {"UNK", "UNKNOWN", "ADGMORSTW"},
}};

constexpr std::string_view kApplicationDecisions =
    "A|ABANDONMENT;C|CONDITIONAL GRANT;D|DENY;F|FULL GRANT;G|GRANT;I|IN-COURT STIPULATED GRANT;L|GRANT WCAT;"
    "M|NOT ADJUDICATED;O|OTHER;P|PAPER STIPULATED GRANT;R|RESERVED;S|ADMIN CLOSURE;T|COV/TRANSFER;W|WITHDRAWN";

constexpr std::string_view kLegacyDecisions =
    "A|LEGALLY ADMITTED;C|CONDITIONAL GRANT;D|DEPORTED;E|EXCLUDED;G|GRANTED;O|OTHER;R|RELIEF/RESCINDED;"
    "S|MAINTAINS STATUS;T|TERMINATED;V|VOLUNTARY DEPARTURE;W|WITHDRAWN;X|REMOVED";

constexpr std::string_view kLanguages =
    "SP|SPANISH;ENG|ENGLISH;MAN|MANDARIN;CAN|CANTONESE;FUK|FUKIENESE;POR|PORTUGUESE;FRE|FRENCH;CRE|HAITIAN CREOLE;"
    "RUS|RUSSIAN;UKR|UKRAINIAN;ARA|ARABIC;PUN|PUNJABI;HIN|HINDI;GUJ|GUJARATI;URD|URDU;NEP|NEPALI;BEN|BENGALI;"
    "TUR|TURKISH;KIC|K'ICHE';MAM|MAM;QAN|Q'ANJOB'AL;AKA|AKATEKO;WOL|WOLOF;FUL|FULANI;TIG|TIGRINYA;AMH|AMHARIC;"
    "SOM|SOMALI;ROM|ROMANIAN;ALB|ALBANIAN;PER|PERSIAN;VIE|VIETNAMESE;KOR|KOREAN;TAG|TAGALOG;IND|INDONESIAN;"
    "GEO|GEORGIAN;ARM|ARMENIAN;UZB|UZBEK;KYR|KYRGYZ;TAJ|TAJIK;PAS|PASHTO;DAR|DARI;BUR|BURMESE;SWA|SWAHILI;"
    "LIN|LINGALA;TWI|TWI;YOR|YORUBA;IGB|IGBO;ARE|ARABIC EGYPTIAN;???|UNKNOWN LANGUAGE";

constexpr std::string_view kAdjournmentReasons =
    "01|Alien to seek representation;02|Alien request - prepare application;03|Alien request - other;"
    "04|IJ request;05|DHS request;06|Interpreter unavailable;07|Case completed;08|Operational - court closure;"
    "09|Alien unavailable in custody;10|Detained - not produced;11|Video conference failure;"
    "12|Background check pending;13|Alien failed to appear;14|Individual hearing set;15|Reset by court";

constexpr std::string_view kCalendarTypes = "M|Master;I|Individual;A|Administrative;C|Custody;N|Non-docket";

constexpr std::string_view kScheduleTypes =
    "IA|Individual Asylum;MA|Master Asylum;MD|Detained Master;MM|Initial Master;II|Individual;"
    "RR|Credible/Reasonable Fear;NA|Naturalization;BH|Bond Hearing";

template <typename T>
std::span<const T> Span(const std::vector<T>& v) { return {v.data(), v.size()}; }

}  // namespace

std::span<const CodeName> Nationalities() {
  static const std::vector<CodeName> kList = ParsePairs(kNationalities);
  return Span(kList);
}
std::span<const Court> Courts() { return kCourts; }
std::span<const CodeName> CaseTypes() {
  static const std::vector<CodeName> kList = ParsePairs(kCaseTypes);
  return Span(kList);
}
std::span<const CodeName> CustodyCodes() {
  static const std::vector<CodeName> kList = ParsePairs(kCustody);
  return Span(kList);
}
std::span<const CourtDecision> CourtDecisions() { return kCourtDecisions; }
std::span<const ApplicationType> ApplicationTypes() { return kApplications; }
std::span<const CodeName> ApplicationDecisions() {
  static const std::vector<CodeName> kList = ParsePairs(kApplicationDecisions);
  return Span(kList);
}
std::span<const CodeName> LegacyDecisionCodes() {
  static const std::vector<CodeName> kList = ParsePairs(kLegacyDecisions);
  return Span(kList);
}
std::span<const CodeName> Languages() {
  static const std::vector<CodeName> kList = ParsePairs(kLanguages);
  return Span(kList);
}
std::span<const CodeName> AdjournmentReasons() {
  static const std::vector<CodeName> kList = ParsePairs(kAdjournmentReasons);
  return Span(kList);
}
std::span<const CodeName> CalendarTypes() {
  static const std::vector<CodeName> kList = ParsePairs(kCalendarTypes);
  return Span(kList);
}
std::span<const CodeName> ScheduleTypes() {
  static const std::vector<CodeName> kList = ParsePairs(kScheduleTypes);
  return Span(kList);
}

}  // namespace immstats::eoir
