// Column lists of the EOIR main tables as released; the first three are the high-confidence ones.
#include "eoir/schema.h"

namespace immstats::eoir {

namespace {

std::vector<TableSpec> BuildTables() {
  std::vector<TableSpec> t;
  t.push_back({"A_TblCase", "A_TblCase.csv",
               {"IDNCASE", "ALIEN_CITY", "ALIEN_STATE", "ALIEN_ZIPCODE", "UPDATED_ZIPCODE", "UPDATED_CITY", "NAT",
                "LANG", "CUSTODY", "SITE_TYPE", "E_28_DATE", "ATTY_NBR", "CASE_TYPE", "UPDATE_SITE",
                "LATEST_HEARING", "LATEST_TIME", "LATEST_CAL_TYPE", "UP_BOND_DATE", "UP_BOND_RSN",
                "CORRECTIONAL_FAC", "RELEASE_MONTH", "RELEASE_YEAR", "INMATE_HOUSING", "DATE_OF_ENTRY",
                "C_ASY_TYPE", "C_BIRTHDATE", "C_RELEASE_DATE", "UPDATED_STATE", "ADDRESS_CHANGEDON",
                "ZBOND_MRG_FLAG", "GENDER", "DATE_DETAINED", "DATE_RELEASED", "LPR", "DETENTION_DATE",
                "DETENTION_LOCATION", "DCO_LOCATION", "DETENTION_FACILITY_TYPE", "CASEPRIORITY_CODE"},
               true});
  t.push_back({"B_TblProceeding", "B_TblProceeding.csv",
               {"IDNPROCEEDING", "IDNCASE", "OSC_DATE", "INPUT_DATE", "BASE_CITY_CODE", "HEARING_LOC_CODE",
                "IJ_CODE", "TRANS_IN_DATE", "PREV_HEARING_LOC", "PREV_HEARING_BASE", "PREV_IJ_CODE", "TRANS_NBR",
                "HEARING_DATE", "HEARING_TIME", "DEC_TYPE", "DEC_CODE", "DEPORTED_1", "DEPORTED_2", "OTHER_COMP",
                "APPEAL_RSVD", "APPEAL_NOT_FILED", "COMP_DATE", "ABSENTIA", "VENUE_CHG_GRANTED", "TRANSFER_TO",
                "DATE_APPEAL_DUE_STATUS", "TRANSFER_STATUS", "CUSTODY", "CASE_TYPE", "NAT", "LANG",
                "SCHEDULED_HEAR_LOC", "CORRECTIONAL_FAC", "CRIM_IND", "IHP", "AGGRAVATE_FELON", "DATE_DETAINED",
                "DATE_RELEASED"},
               true});
  t.push_back({"tbl_Court_Appln", "tbl_Court_Appln.csv",
               {"IDNPROCEEDINGAPPLN", "IDNPROCEEDING", "IDNCASE", "APPL_CODE", "APPL_RECD_DATE", "APPL_DEC"},
               true});
  t.push_back({"tbl_schedule", "tbl_schedule.csv",
               {"IDNSCHEDULE", "IDNPROCEEDING", "IDNCASE", "OSC_DATE", "GENERATION", "SUB_GENERATION", "REC_TYPE",
                "LANG", "HEARING_LOC_CODE", "BASE_CITY_CODE", "IJ_CODE", "INTERPRETER_CODE", "INPUT_DATE",
                "INPUT_TIME", "UPDATE_DATE", "UPDATE_TIME", "ASSIGNMENT_PATH", "CAL_TYPE", "ADJ_DATE",
                "ADJ_TIME_START", "ADJ_TIME_STOP", "ADJ_RSN", "ADJ_MEDIUM", "ADJ_MSG", "ADJ_ELAP_DAYS",
                "LNGSESSNID", "SCHEDULE_TYPE", "NOTICE_CODE", "BLNCLOCKOVERRIDE", "EOIRATTORNEYID"},
               true});
  t.push_back({"tbl_RepsAssigned", "tbl_RepsAssigned.csv",
               {"IDNREPSASSIGNED", "IDNCASE", "STRATTYLEVEL", "STRATTYTYPE", "PARENT_TABLE", "PARENT_IDN",
                "BASE_CITY_CODE", "INS_TA_DATE_ASSIGNED", "E_27_DATE", "E_28_DATE", "BLNPRIMEATTY"},
               true});
  // Domain spec §3.6: the file header names the dates DATDETAINED/DATRELEASED (App. C's CHARGE/CHG_STATUS
  // comes from one SQL schema that misnamed them).
  t.push_back({"tbl_CustodyHistory", "tbl_CustodyHistory.csv",
               {"IDNCUSTODY", "IDNCASE", "CUSTODY", "DATDETAINED", "DATRELEASED"},
               true});
  t.push_back({"tbl_Lead_Rider", "tbl_Lead_Rider.csv",
               {"idnLeadRider", "idnLeadCase", "idnRiderCase", "datCreatedOn", "datModifiedOn", "datSeveredOn",
                "idnLeadProceedingStart", "idnLeadProceedingEnd", "idnRiderProceedingStart",
                "idnRiderProceedingEnd", "blnActive"},
               true});
  // The rest of §1.1 (`--tables all`). Column lists beyond App. C are medium/low confidence.
  t.push_back({"B_TblProceedCharges", "B_TblProceedCharges.csv",
               {"IDNPRCDCHG", "IDNCASE", "IDNPROCEEDING", "CHARGE", "CHG_STATUS"}, false});
  t.push_back({"D_TblAssociatedBond", "D_TblAssociatedBond.csv",
               {"IDNASSOCBOND", "IDNPROCEEDING", "IDNCASE", "OSC_DATE", "REC_TYPE", "GENERATION", "SUB_GENERATION",
                "UPDATE_DATE", "UPDATE_TIME", "INPUT_DATE", "INPUT_TIME", "BASE_CITY_CODE", "BASE_CITY_NAME",
                "HEARING_LOC_CODE", "IJ_CODE", "DEC", "COMP_DATE", "INITIAL_BOND", "REL_CON", "INS_TA",
                "BOND_HEARING_TELEPHONIC", "BOND_HEAR_REQ_DATE", "NEW_BOND", "APPEAL_REVD", "APPEAL_NOT_FILED",
                "DATE_APPEAL_DUE", "E_28_DATE", "ADJ1_CAL_TYPE_TO_BE_REMOVED", "BOND_TYPE", "FILING_METHOD",
                "FILING_PARTY", "DECISION_DUE_DATE"},
               false});
  t.push_back({"tbl_EOIR_Attorney", "tbl_EOIR_Attorney.csv",
               {"EOIRAttorneyID", "OldAttorneyID", "BaseCityCode", "isDHSAttorney", "isEOIRAttorney", "datCreatedOn"},
               false});
  t.push_back({"tbl_Court_Motions", "tbl_Court_Motions.csv",
               {"IDNMOTION", "IDNPROCEEDING", "IDNCASE", "OSC_DATE", "REC_TYPE", "GENERATION", "SUB_GENERATION",
                "UPDATE_DATE", "INPUT_DATE", "MOTION_RECD_DATE", "COMP_DATE", "DEC", "STAY_GRANT", "STRFILINGPARTY",
                "O_CLOCK_OPTION", "IJ_NAME_Remove", "REJ_Remove", "BLNDELETED_Remove", "DECISION_RENDERED_Remove",
                "column20", "column21"},
               false});
  t.push_back({"tblAppeal", "tblAppeal.csv",
               {"idnAppeal", "idncase", "idnProceeding", "strAppealCategory", "strAppealType", "datAppealFiled",
                "strFiledBy", "datAttorneyE27", "datBIADecision", "strBIADecision", "strBIADecisionType",
                "strCaseType", "strLang", "strNat", "strProceedingIHP", "strCustody", "strProbono"},
               false});
  t.push_back({"tblAppealFedCourts", "tblAppealFedCourts.csv",
               {"idnAppealFedCourts", "lngAppealID", "datFedCourtFiled", "strFedCourtDecision", "datFedCourtDecision"},
               false});
  t.push_back({"tblThreeMbrReferrals", "tblThreeMbrReferrals.csv",
               {"idnThreeMbrReferral", "lngAppealID", "datReferral", "datDecision"}, false});
  t.push_back({"tbl_JuvenileHistory", "tbl_JuvenileHistory.csv",
               {"idnJuvenileHistory", "idnCase", "idnProceeding", "idnJuvenile", "datCreatedOn", "datModifiedOn"},
               false});
  t.push_back({"A_TblCaseIdentifier", "A_TblCaseIdentifier.csv",
               {"IDNCASEID", "IDNCASE", "CASE_ID", "DATCREATEDON"}, false});
  t.push_back({"tbl_CasePriorityHistory", "tbl_CasePriorityHistory.csv",
               {"idnCasePriHistory", "idnCase", "CasePriority_code", "DatCreatedOn", "DatModifiedOn"}, false});
  t.push_back({"tblProBono", "tblProBono.csv",
               {"idnRepl", "idnAppeal", "datCreatedOn", "strDecision"}, false});
  return t;
}

}  // namespace

std::span<const TableSpec> MainTables() {
  static const std::vector<TableSpec> kTables = BuildTables();
  return kTables;
}

const TableSpec* FindTable(std::string_view name) {
  for (const TableSpec& spec : MainTables()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

int ColumnIndex(const TableSpec& spec, std::string_view column) {
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    if (spec.columns[i] == column) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace immstats::eoir
