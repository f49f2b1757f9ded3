// Demonyms of the crosswalk's countries ("Hondurans", "Salvadoran"), for reading figures in news articles.
#include "geo/country_table.h"

namespace immstats::geo {

// CODE|demonyms (;). Plurals are derived (an -s is tried on every form), so only irregular ones are listed.
const char* const kDemonymTable = R"(AF|Afghan;Afghani
AL|Albanian
DZ|Algerian
AO|Angolan
AG|Antiguan
AR|Argentine;Argentinian;Argentinean
AM|Armenian
AU|Australian
AT|Austrian
AZ|Azerbaijani;Azeri
BS|Bahamian
BH|Bahraini
BD|Bangladeshi
BB|Barbadian;Bajan
BY|Belarusian;Belarussian
BE|Belgian
BZ|Belizean
BJ|Beninese;Beninois
BT|Bhutanese
BO|Bolivian
BA|Bosnian
BW|Botswanan;Motswana;Batswana
BR|Brazilian
BG|Bulgarian
BF|Burkinabe;Burkinabé
MM|Burmese;Myanmar national
BI|Burundian
KH|Cambodian
CM|Cameroonian
CA|Canadian
CV|Cape Verdean;Cabo Verdean
CF|Central African
TD|Chadian
CL|Chilean
CN|Chinese
CO|Colombian
KM|Comoran;Comorian
CG|Congolese (Republic)
CD|Congolese
CR|Costa Rican
CI|Ivorian
HR|Croatian;Croat
CU|Cuban
CY|Cypriot
CZ|Czech
DK|Danish;Dane
DJ|Djiboutian
DM|Dominican (Dominica)
DO|Dominican
EC|Ecuadorian;Ecuadoran
EG|Egyptian
SV|Salvadoran;Salvadorean;Salvadorian
GQ|Equatoguinean;Equatorial Guinean
ER|Eritrean
EE|Estonian
SZ|Swazi;Eswatini national
ET|Ethiopian
FJ|Fijian
FI|Finnish;Finn
FR|French
GA|Gabonese
GM|Gambian
GE|Georgian
DE|German
GH|Ghanaian
GR|Greek
GD|Grenadian
GT|Guatemalan
GN|Guinean
GW|Bissau-Guinean
GY|Guyanese
HT|Haitian
HN|Honduran
HK|Hong Konger;Hongkonger
HU|Hungarian
IS|Icelandic;Icelander
IN|Indian
ID|Indonesian
IR|Iranian
IQ|Iraqi
IE|Irish
IL|Israeli
IT|Italian
JM|Jamaican
JP|Japanese
JO|Jordanian
KZ|Kazakh;Kazakhstani
KE|Kenyan
XK|Kosovar;Kosovan
KW|Kuwaiti
KG|Kyrgyz;Kyrgyzstani
LA|Laotian;Lao
LV|Latvian
LB|Lebanese
LS|Basotho;Mosotho
LR|Liberian
LY|Libyan
LT|Lithuanian
MG|Malagasy
MW|Malawian
MY|Malaysian
MV|Maldivian
ML|Malian
MR|Mauritanian
MU|Mauritian
MX|Mexican
FM|Micronesian
MD|Moldovan
MN|Mongolian
ME|Montenegrin
MA|Moroccan
MZ|Mozambican
NA|Namibian
NP|Nepali;Nepalese
NL|Dutch
NZ|New Zealander
NI|Nicaraguan
NE|Nigerien
NG|Nigerian
KP|North Korean
MK|Macedonian;North Macedonian
NO|Norwegian
OM|Omani
PK|Pakistani
PS|Palestinian
PA|Panamanian
PG|Papua New Guinean
PY|Paraguayan
PE|Peruvian
PH|Filipino;Filipina;Philippine
PL|Polish;Pole
PT|Portuguese
QA|Qatari
RO|Romanian
RU|Russian
RW|Rwandan
KN|Kittitian;Nevisian
LC|Saint Lucian
VC|Vincentian
WS|Samoan
SA|Saudi;Saudi Arabian
SN|Senegalese
RS|Serbian;Serb
SL|Sierra Leonean
SG|Singaporean
SK|Slovak;Slovakian
SI|Slovenian;Slovene
SO|Somali;Somalian
ZA|South African
KR|South Korean
SS|South Sudanese
ES|Spanish;Spaniard
LK|Sri Lankan
SD|Sudanese
SR|Surinamese
SE|Swedish;Swede
CH|Swiss
SY|Syrian
TW|Taiwanese
TJ|Tajik;Tajikistani
TZ|Tanzanian
TH|Thai
TL|Timorese
TG|Togolese
TO|Tongan
TT|Trinidadian;Tobagonian;Trinbagonian
TN|Tunisian
TR|Turkish;Turk
TM|Turkmen
UG|Ugandan
UA|Ukrainian
AE|Emirati
GB|British;Briton
US|American
UY|Uruguayan
UZ|Uzbek;Uzbekistani
VE|Venezuelan
VN|Vietnamese
YE|Yemeni;Yemenite
ZM|Zambian
ZW|Zimbabwean
SUHH|Soviet
YUCS|Yugoslav;Yugoslavian
CSHH|Czechoslovak
)";

}  // namespace immstats::geo
