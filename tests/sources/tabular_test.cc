// The file-format readers of the other sources: delimited text, gzip, xlsx workbooks.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "sources/gzip_with_zlib.h"

#include "base/subprocess.h"
#include "tabular/delimited.h"
#include "tabular/gzip.h"
#include "tabular/xlsx.h"

namespace immstats::tabular {
namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::string>> ReadAll(std::string_view text, DelimitedOptions o,
                                              std::vector<int64_t>* lines = nullptr) {
  DelimitedReader r(text, o);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> f;
  while (r.Next(&f)) {
    out.push_back(f);
    if (lines != nullptr) lines->push_back(r.line());
  }
  return out;
}

TEST(Delimited, QuotesDoubledQuotesLineBreaksAndCrlf) {
  std::vector<int64_t> lines;
  const auto rows = ReadAll("\xEF\xBB\xBFName,Count\r\n\"CHINA, PEOPLES REPUBLIC OF\",12\r\n\"say \"\"hi\"\"\",3\n\"two\nlines\",4\n",
                            {','}, &lines);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Name", "Count"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"CHINA, PEOPLES REPUBLIC OF", "12"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"say \"hi\"", "3"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"two\nlines", "4"}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 2, 3, 4}));
}

TEST(Delimited, PipesWithEmptyFieldsAndSpaceAfterComma) {
  const auto pipes = ReadAll("\"a\"|||\"(B)(6);(B)(7)(C) \"\n", {'|'});
  ASSERT_EQ(pipes.size(), 1u);
  EXPECT_EQ(pipes[0], (std::vector<std::string>{"a", "", "", "(B)(6);(B)(7)(C) "}));
  const auto ice = ReadAll("MEXICO, 128765, 141045\n", {',', true});
  EXPECT_EQ(ice[0], (std::vector<std::string>{"MEXICO", "128765", "141045"}));
}

TEST(Delimited, UnterminatedQuoteIsReported) {
  DelimitedReader r("\"open,1\nnext,2\n", {','});
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(&f));
  EXPECT_TRUE(r.unterminated_quote());
}

TEST(Gzip, DecodesWhatZlibWritesIncludingTwoMembers) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "\"Houston Area of Responsibility\"|9/29/2016|\"REINST\"|" + std::to_string(i) + "\n";
  const std::string gz = testing::GzipWithZlib(text);
  ASSERT_TRUE(IsGzip(gz));
  auto out = Gunzip(gz, "x.gz");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);
  auto two = Gunzip(gz + testing::GzipWithZlib("tail\n"), "x.gz");
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(*two, text + "tail\n");
}

TEST(Gzip, TruncatedFileIsAnErrorNamingTheFile) {
  std::string text(100000, 'x');
  for (size_t i = 0; i < text.size(); i += 7) text[i] = static_cast<char>('a' + i % 26);
  const std::string gz = testing::GzipWithZlib(text);
  auto out = Gunzip(gz.substr(0, gz.size() / 2), "ICERemovals_FY2017.csv.gz");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kCorruption);
  EXPECT_NE(out.status().message().find("ICERemovals_FY2017.csv.gz"), std::string::npos) << out.status().message();
  EXPECT_NE(out.status().message().find("truncated"), std::string::npos) << out.status().message();
  std::string flipped = gz;
  flipped[flipped.size() - 6] ^= 0x55;  // inside the CRC-32
  EXPECT_FALSE(Gunzip(flipped, "x.gz").ok());
}

// Writes the parts of a small workbook and zips them with 7z, as a spreadsheet program would lay them out.
fs::path MakeWorkbook(const fs::path& dir, bool with_second_sheet) {
  fs::remove_all(dir);
  fs::create_directories(dir / "xl" / "worksheets");
  fs::create_directories(dir / "xl" / "_rels");
  auto write = [&](const std::string& rel, const std::string& text) { std::ofstream(dir / rel) << text; };
  write("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  std::string sheets = "<sheet name=\"Monthly Citizenship\" sheetId=\"1\" r:id=\"rId1\"/>";
  std::string rels = "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>";
  if (with_second_sheet) {
    sheets += "<sheet name=\"Dates\" sheetId=\"2\" r:id=\"rId2\"/>";
    rels += "<Relationship Id=\"rId2\" Target=\"/xl/worksheets/sheet2.xml\"/>";
  }
  write("xl/workbook.xml",
        "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheets +
            "</sheets></workbook>");
  write("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships>" + rels + "</Relationships>");
  write("xl/sharedStrings.xml",
        "<?xml version=\"1.0\"?><sst><si><t>Fiscal\nYear</t></si><si><t>Month</t></si><si><t>Citizenship</t></si>"
        "<si><t>Quantity</t></si><si><t>01 October</t></si><si><r><t>Cote </t></r><r><t>d&apos;Ivoire</t></r></si></sst>");
  write("xl/styles.xml",
        "<?xml version=\"1.0\"?><styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
        "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
  write("xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><worksheet><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
        "<c r=\"D1\" t=\"s\"><v>3</v></c></row>"
        "<row r=\"2\"><c r=\"A2\"><v>2024</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\" t=\"s\"><v>5</v></c>"
        "<c r=\"D2\"><v>30</v></c></row>"
        "<row r=\"4\"><c r=\"A4\"><v>2024</v></c><c r=\"B4\" t=\"inlineStr\"><is><t>02 November</t></is></c>"
        "<c r=\"C4\" t=\"str\"><v>Nepal</v></c></row>"
        "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"E1:F1\"/></mergeCells></worksheet>");
  if (with_second_sheet) {
    write("xl/worksheets/sheet2.xml",
          "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>45566</v></c>"
          "<c r=\"B1\" s=\"2\"><v>25569</v></c><c r=\"C1\"><v>45566</v></c><c r=\"D1\" t=\"b\"><v>1</v></c>"
          "<c r=\"E1\" t=\"e\"><v>#N/A</v></c></row></sheetData></worksheet>");
  }
  const fs::path xlsx = dir.parent_path() / (dir.filename().string() + ".xlsx");
  fs::remove(xlsx);
  auto run = base::RunProcess({"7z", "a", "-tzip", "-mx=1", xlsx.string(), "."}, dir);
  EXPECT_TRUE(run.ok() && run->exit_code == 0) << (run.ok() ? run->output : run.status().ToString());
  return xlsx;
}

TEST(Xlsx, SharedInlineAndRichStringsNumbersDatesMultiLineHeaders) {
  const fs::path xlsx = MakeWorkbook(fs::path(::testing::TempDir()) / "book", true);
  auto wb = Workbook::Open(xlsx);
  ASSERT_TRUE(wb.ok()) << wb.status().ToString();
  EXPECT_EQ(wb->sheet_names(), (std::vector<std::string>{"Monthly Citizenship", "Dates"}));
  auto sheet = wb->ReadSheet("Monthly Citizenship");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->rows.size(), 4u);  // row 3 absent: padded
  EXPECT_EQ(sheet->Text(1, 0), "Fiscal\nYear");
  EXPECT_EQ(sheet->Text(2, 2), "Cote d'Ivoire");
  EXPECT_EQ(sheet->rows[1][3].kind, Cell::Kind::kNumber);
  EXPECT_EQ(sheet->rows[1][3].number, 30);
  EXPECT_TRUE(sheet->rows[2].empty());
  EXPECT_EQ(sheet->Text(4, 1), "02 November");
  EXPECT_EQ(sheet->Text(4, 2), "Nepal");
  EXPECT_EQ(sheet->Text(4, 3), "");  // a blank quantity: OHSS writes zeros so
  ASSERT_EQ(sheet->merged.size(), 1u);
  EXPECT_EQ(sheet->merged[0].first_col, 4);
  EXPECT_EQ(sheet->merged[0].last_col, 5);

  auto dates = wb->ReadSheet("Dates");
  ASSERT_TRUE(dates.ok()) << dates.status().ToString();
  const auto& r = dates->rows[0];
  EXPECT_TRUE(r[0].is_date);   // custom yyyy-mm-dd
  EXPECT_TRUE(r[1].is_date);   // built-in 14
  EXPECT_FALSE(r[2].is_date);  // general
  EXPECT_EQ(ExcelSerialToDays(r[1].number), 0);          // 1970-01-01
  EXPECT_EQ(ExcelSerialToDays(r[0].number), 19997);      // 2024-10-01
  EXPECT_EQ(r[3].kind, Cell::Kind::kBool);
  EXPECT_EQ(r[4].kind, Cell::Kind::kError);
  EXPECT_EQ(r[4].text, "#N/A");
}

TEST(Xlsx, MissingSheetAndNotAWorkbookAreClearErrors) {
  const fs::path xlsx = MakeWorkbook(fs::path(::testing::TempDir()) / "book1", false);
  auto wb = Workbook::Open(xlsx);
  ASSERT_TRUE(wb.ok()) << wb.status().ToString();
  auto missing = wb->ReadSheet("Annual Count");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no sheet named 'Annual Count'"), std::string::npos);
  EXPECT_NE(missing.status().message().find("'Monthly Citizenship'"), std::string::npos);
  const fs::path text = fs::path(::testing::TempDir()) / "not.xlsx";
  std::ofstream(text) << "Fiscal Year,Quantity\n";
  auto bad = Workbook::Open(text);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("not an xlsx workbook"), std::string::npos) << bad.status().message();
}

TEST(Xlsx, CellReferences) {
  int col = 0, row = 0;
  ASSERT_TRUE(ParseCellRef("AB12", &col, &row));
  EXPECT_EQ(col, 27);
  EXPECT_EQ(row, 12);
  EXPECT_FALSE(ParseCellRef("12", &col, &row));
  EXPECT_FALSE(ParseCellRef("A", &col, &row));
}

}  // namespace
}  // namespace immstats::tabular
