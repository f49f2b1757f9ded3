// The crosswalk's data: every canonical country with its EOIR NAT codes and the spellings each source uses.
#include "geo/country_table.h"

namespace immstats::geo {

// One line per canonical entry: CODE|Display name|kind|EOIR NAT codes (space-separated)|other spellings (;).
// CODE is ISO 3166-1 alpha-2 for countries and territories, ISO 3166-3 alpha-4 for states that no longer
// exist, XK for Kosovo, and ICAO 9303's XXA (stateless) and XXX (unspecified) for placeholders. Spellings are
// matched after normalisation (upper case, '&' read as AND, punctuation dropped, a leading THE dropped), so
// only genuinely different spellings are listed. Renamed states (Kampuchea, Zaire, Upper Volta, Byelorussia,
// Holland, Dahomey) join their current code; dissolved states (USSR, Yugoslavia, Serbia-Montenegro,
// Czechoslovakia, East Germany, Netherlands Antilles) stay distinct (spec Q22).
const char* const kCountryTable = R"(AF|Afghanistan|country|AF|
AL|Albania|country|AL|
DZ|Algeria|country|AG|
AS|American Samoa|territory||
AD|Andorra|country|AN|
AO|Angola|country|AO|
AI|Anguilla|territory|AV|
AG|Antigua and Barbuda|country|AC|Antigua-Barbuda;Antigua
AR|Argentina|country|AR|
AM|Armenia|country|AM|
AW|Aruba|territory|AB|
AU|Australia|country|AS|
AT|Austria|country|AU|
AZ|Azerbaijan|country|AZ|
BS|Bahamas|country|BF|The Bahamas
BH|Bahrain|country|BA|
BD|Bangladesh|country|BG|
BB|Barbados|country|BB|
BY|Belarus|country|BS BZ|Byelorussia;Byelorussia (Belarus);Belorussia
BE|Belgium|country|BE|
BZ|Belize|country|BH|
BJ|Benin|country|BN DM|People's Republic of Benin;Dahomey
BM|Bermuda|territory|BD|
BT|Bhutan|country|BT|
BO|Bolivia|country|BL|
BA|Bosnia and Herzegovina|country|BI|Bosnia-Herzegovina;Bosnia
BW|Botswana|country|BC|
BV|Bouvet Island|territory|BV|
BR|Brazil|country|BR|
IO|British Indian Ocean Territory|territory|IO|
VG|British Virgin Islands|territory|VI|Virgin Islands, British
BN|Brunei|country|BX|Brunei Darussalam
BG|Bulgaria|country|BU|
BF|Burkina Faso|country|BO UV|Upper Volta
BI|Burundi|country|BY|
KH|Cambodia|country|CC CB|Kampuchea
CM|Cameroon|country|CM|
CA|Canada|country|CA|
CV|Cabo Verde|country|CV|Cape Verde
KY|Cayman Islands|territory|CJ|
CF|Central African Republic|country|CT|Central African Rep.
TD|Chad|country|CD|
CL|Chile|country|CI|
CN|China|country|CH|China, Peoples Republic of;China, People's Republic;People's Republic of China;China (Mainland)
CX|Christmas Island|territory|KT|Christmas Islands
CC|Cocos Islands|territory|CK|Cocos Island;Cocos (Keeling) Islands
CO|Colombia|country|CO|
KM|Comoros|country|CN|Comoro Islands
CG|Republic of the Congo|country|CF|Congo;Congo, Republic;Congo, Republic of the;Congo-Brazzaville
CD|Democratic Republic of the Congo|country|DC CG|Zaire;Democratic Republic of Congo;Dem Rep of the Congo;Congo, Democratic Republic;Congo, Democratic Republic of the;Dem. Rep. of Congo;Congo-Kinshasa
CK|Cook Islands|territory|CW|
CR|Costa Rica|country|CS|
CI|Cote d'Ivoire|country|IV|Ivory Coast;Ivory Coast (Cote d'Ivoire);Cote d'Ivorie (Ivory Coast);Côte d'Ivoire
HR|Croatia|country|CX|
CU|Cuba|country|CU|
CW|Curacao|territory||Curaçao
CY|Cyprus|country|CY|Cypruss
CZ|Czechia|country|CR|Czech Republic
DK|Denmark|country|DA|
DJ|Djibouti|country|DJ|
DM|Dominica|country|DO|
DO|Dominican Republic|country|DR|
TL|Timor-Leste|country|TM|East Timor;East Timor-Indonesia
EC|Ecuador|country|EC|
EG|Egypt|country|EG|
SV|El Salvador|country|ES|El Sal;Salvador
GQ|Equatorial Guinea|country|EK|Ecuatorial Guinea
ER|Eritrea|country|ER|
EE|Estonia|country|EO|
SZ|Eswatini|country|WZ|Swaziland
ET|Ethiopia|country|ET|
FK|Falkland Islands|territory|FA|
FO|Faroe Islands|territory|FO|Faeroe Islands;Faeroe Island
FJ|Fiji|country|FJ|
FI|Finland|country|FI|
FR|France|country|FR|
GF|French Guiana|territory|FG|
PF|French Polynesia|territory|FP|
TF|French Southern and Antarctic Lands|territory|FS|French Southern & Antarctic Lands
GA|Gabon|country|GB|
GM|Gambia|country|GA|The Gambia
GE|Georgia|country|GO|
DE|Germany|country|GE|
GH|Ghana|country|GH|
GI|Gibraltar|territory|GI|
GR|Greece|country|GR|
GL|Greenland|territory|GL|
GD|Grenada|country|GJ|
GP|Guadeloupe|territory|GP|
GU|Guam|territory||
GT|Guatemala|country|GT|
GN|Guinea|country|GV|
GW|Guinea-Bissau|country|PU|Guinea Bissau
GY|Guyana|country|GY|
HT|Haiti|country|HA|
HM|Heard and McDonald Islands|territory|HM|Heard & McDonald Is.;Heard Island and McDonald Islands
HN|Honduras|country|HO|
HK|Hong Kong|territory|HK|
HU|Hungary|country|HU|
IS|Iceland|country|IC|
IN|India|country|IN|
ID|Indonesia|country|ID|
IR|Iran|country|IR|Iran, Islamic Republic of
IQ|Iraq|country|IZ|
IE|Ireland|country|EI|
IL|Israel|country|IS|
IT|Italy|country|IT|
JM|Jamaica|country|JM|
JP|Japan|country|JA|
JO|Jordan|country|JO|
KZ|Kazakhstan|country|KZ|Kazakstan
KE|Kenya|country|KE|
KI|Kiribati|country|KR|
KP|North Korea|country|KN|Korea, North;Korea, Democratic People's Republic of
KR|South Korea|country|KS|Korea, South;Korea;Korea, Republic of;Republic of Korea
XK|Kosovo|country|KV|
KW|Kuwait|country|KU|
KG|Kyrgyzstan|country|KG|Kirghizia;Kirghizia (Kyrgyzstan);Kyrgystan
LA|Laos|country|LA|
LV|Latvia|country|LV|
LB|Lebanon|country|LE|
LS|Lesotho|country|LT|
LR|Liberia|country|LI|
LY|Libya|country|LY|
LI|Liechtenstein|country|LS|
LT|Lithuania|country|LH|
LU|Luxembourg|country|LU|Luxemburg
MO|Macau|territory|MC|Macao
MG|Madagascar|country|MA|
MW|Malawi|country|MI|
MY|Malaysia|country|MY|
MV|Maldives|country|MV|
ML|Mali|country|ML|
MT|Malta|country|MT|
MH|Marshall Islands|country|RM|Republic of the Marshall Islands;Marshal Islands
MQ|Martinique|territory|MB|
MR|Mauritania|country|MR|
MU|Mauritius|country|MP|
MX|Mexico|country|MX|Mexic
FM|Micronesia|country|FM|Federated States of Micronesia;Micronesia, Federated States of;Micronesia, Federated States
UM|Midway Islands|territory|MQ|
MD|Moldova|country|MD|Moldavia;Moldavia (Moldova)
MC|Monaco|country|MN|
MN|Mongolia|country|MG|
ME|Montenegro|country|MJ|Montenegro - Raps
MS|Montserrat|territory|MH|
MA|Morocco|country|MO|
MZ|Mozambique|country|MZ|
MM|Myanmar|country|BM|Burma;Burma (Myanmar);Myanmar (Burma)
NA|Namibia|country|WA|Nambia
NR|Nauru|country|NR|
NP|Nepal|country|NP|
NL|Netherlands|country|NL HL|Holland
NC|New Caledonia|territory|NC|
NZ|New Zealand|country|NZ|
NI|Nicaragua|country|NU|
NE|Niger|country|NG|
NG|Nigeria|country|NI|
NU|Niue|territory|NE|
NF|Norfolk Island|territory|NF|
MK|North Macedonia|country|MM|Macedonia
NO|Norway|country|NO|
OM|Oman|country|MU|
PK|Pakistan|country|PK|
PW|Palau|country|PS|Republic of Palau
PS|Palestine|territory|PN GZ|Gaza Strip;Palestinian;Palestinian Territories;West Bank
PA|Panama|country|PM|
PG|Papua New Guinea|country|PP|
PY|Paraguay|country|PA|
PE|Peru|country|PE|
PH|Philippines|country|RP|
PN|Pitcairn Islands|territory|PC|
PL|Poland|country|PL|
PT|Portugal|country|PO|
PR|Puerto Rico|territory||
QA|Qatar|country|QA|
RE|Reunion|territory|RE|Reunioun;Réunion
RO|Romania|country|RO|
RU|Russia|country|RU|Russian Federation
RW|Rwanda|country|RW|
SH|St. Helena|territory|SH|Saint Helena
KN|St. Kitts and Nevis|country|SK SC|St. Kitts;St. Kitts-Nevis;St. Kitts, West Indies;St. Christopher-Nevis;Saint Kitts and Nevis
LC|St. Lucia|country|ST|Saint Lucia
PM|St. Pierre and Miquelon|territory|SB|Saint Pierre and Miquelon
VC|St. Vincent and the Grenadines|country|VC|Saint Vincent and the Grenadines;St. Vincent;St Vincent;St. Vincent-Grenadines;St. Vincent & the Grenadines
WS|Samoa|country|WS|Western Samoa
SM|San Marino|country|SM|
ST|Sao Tome and Principe|country|TP|Sao Tome & Principe
SA|Saudi Arabia|country|SA|
SN|Senegal|country|SG|
RS|Serbia|country|RS|
SC|Seychelles|country|SE|
SL|Sierra Leone|country|SL|Serra Leone
SG|Singapore|country|SN|
SX|Sint Maarten|territory||Sint Maarten (Dutch)
SK|Slovakia|country|SR|Slovak Republic
SI|Slovenia|country|SV|
SB|Solomon Islands|country|BP|
SO|Somalia|country|SO|
ZA|South Africa|country|SF|
SS|South Sudan|country|XS|
ES|Spain|country|SP|
LK|Sri Lanka|country|CE|
SD|Sudan|country|SU|
SR|Suriname|country|NS|Surinam
SE|Sweden|country|SW|
CH|Switzerland|country|SZ|
SY|Syria|country|SY|Syrian Arab Republic
TW|Taiwan|territory|TW|
TJ|Tajikistan|country|TA|Tajikistan (Tadzhik)
TZ|Tanzania|country|TZ|
TH|Thailand|country|TH|
TG|Togo|country|TO|
TK|Tokelau|territory|TL|
TO|Tonga|country|TN|
TT|Trinidad and Tobago|country|TD|Trinidad
TN|Tunisia|country|TS|
TR|Turkey|country|TU|Türkiye;Turkiye
TM|Turkmenistan|country|TR|
TC|Turks and Caicos Islands|territory|TK|Turks & Caicos
TV|Tuvalu|country|TV|
UG|Uganda|country|UG|
UA|Ukraine|country|UE|
AE|United Arab Emirates|country|TC|UAE
GB|United Kingdom|country|UK|Great Britain;England
US|United States|country||USA;United States of America
UY|Uruguay|country|UY|
UZ|Uzbekistan|country|UZ|Uzebekistan
VU|Vanuatu|country|NH|
VE|Venezuela|country|VE|
VN|Vietnam|country|VM|Viet Nam
VI|U.S. Virgin Islands|territory||Virgin Islands;Virgin Islands, U.S.
EH|Western Sahara|territory|WI|
YE|Yemen|country|YE|
ZM|Zambia|country|ZA|
ZW|Zimbabwe|country|ZI|
SUHH|Soviet Union|former|UR|USSR;U.S.S.R.
YUCS|Yugoslavia|former|YO|
CSXX|Serbia and Montenegro|former|YS|Serbia Montenegro;Serbia and Montenegro (former);Serbia-Montenegro
CSHH|Czechoslovakia|former|CZ|
DDDE|East Germany|former|GC|German Democratic Republic
ANHH|Netherlands Antilles|former|NA|
BWI|British West Indies|region|BW|
FWI|French West Indies|region|FW|
XXA|Stateless|placeholder|SS NN|No nationality;Stateless - Alien unable to name a country
XXX|Unknown|placeholder|?? UN IU XX|Unknown country;Unknown nationality;In absentia/unknown;Be removed from the United States
)";

}  // namespace immstats::geo
