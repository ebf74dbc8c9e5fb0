package vn.ntm.portal.training;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonMatch;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class RosterImportTest {

    static final List<String> HEADER = List.of("Họ và tên", "Giới tính", "Năm sinh", "Số điện thoại", "Số CCCD", "Xã/phường",
            "Chức vụ", "Đối tượng", "Cơ quan/đơn vị");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    RosterService roster;
    @Autowired
    RosterImportService imports;
    @Autowired
    RosterSpreadsheets sheets;

    ClassSummary sonLaClass;

    @BeforeEach
    void setUp() {
        TrainingWorld world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2026, 3, 2);
        sonLaClass = classes.create(TrainingWorld.form("SL-ROSTER", world.sonLa, day, day.plusDays(1), List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void coordinatorImportsA300RowRosterFromAWorkbook() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // the phone typed as a number loses its leading zero in a spreadsheet; years typed as numbers
            rows.add(List.of("Học viên số " + i, i % 2 == 0 ? "Nam" : "Nữ", 1960 + i % 40, 912_000_000L + i, "",
                    i % 3 == 0 ? "Mường Chiên" : "03646", "Cán bộ", i % 5 == 0 ? "Người dân" : "Cán bộ cấp xã", ""));
        }
        RosterPreview preview = imports.preview(sonLaClass.id(), xlsx(rows));

        assertThat(preview.rows()).hasSize(300);
        assertThat(preview.invalid()).isZero();
        assertThat(preview.newPersons()).isEqualTo(300);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isZero();

        int added = imports.commit(sonLaClass.id(), preview, false, false, (done, total) -> { });

        assertThat(added).isEqualTo(300);
        assertThat(roster.count(sonLaClass.id())).isEqualTo(300);
        assertThat(jdbc.queryForObject("select phone from person where full_name = 'Học viên số 7'", String.class)).isEqualTo("0912000007");
        assertThat(jdbc.queryForObject("select count(*) from person where trainee_level = 'RESIDENT'", Long.class)).isEqualTo(60);
    }

    @Test
    void rowsWithProblemsAreListedAndNothingIsStoredUnlessTheUserSkipsThem() throws Exception {
        String csv = "\uFEFF" + String.join(",", HEADER) + "\n"
                + "Quàng Thị Lan,Nữ,1985,0912 345 678,,Mường Chiên,,,\n"
                + ",Nam,1980,0912345679,,,,,\n"
                + "Lò Văn Bình,Nam,1980,12345,,,,,\n"
                + "Cầm Văn Cường,Nam,1980,0912345680,,Xã Không Có,,,\n"
                + "Hà Thị Dung,Nữ,15/03/1990,+84 912 345 678,,,,,\n";
        RosterPreview preview = imports.preview(sonLaClass.id(), csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.valid()).isEqualTo(1);
        assertThat(preview.rows()).extracting(r -> r.problems().isEmpty() ? "" : r.problems().getFirst().messageKey())
                .containsExactly("", "roster.error.name", "roster.error.phone", "roster.import.error.commune", "roster.import.error.duplicatePhone");
        assertThat(preview.rows().get(4).problems().getFirst().arguments()).containsExactly(2);
        assertThatThrownBy(() -> imports.commit(sonLaClass.id(), preview, false, false, (d, t) -> { }))
                .isInstanceOf(ValidationException.class).hasMessage("roster.import.error.invalidRows");
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isZero();

        assertThat(imports.commit(sonLaClass.id(), preview, true, false, (d, t) -> { })).isEqualTo(1);
        assertThat(roster.count(sonLaClass.id())).isEqualTo(1);
    }

    @Test
    void rowsAreMatchedByNationalIdThenByPhoneInAnyWrittenFormThenAsPossibleDuplicates() throws Exception {
        long communeId = units.findByCode("03688").orElseThrow().id();
        roster.add(sonLaClass.id(), new PersonDetails("Lò Văn Bình", null, 1975, null, "014075000123", null, null, null, null));
        roster.add(sonLaClass.id(), new PersonDetails("Quàng Thị Lan", null, 1985, "0912345678", null, null, null, null, null));
        roster.add(sonLaClass.id(), new PersonDetails("Cầm Văn Cường", null, 1970, null, null, communeId, null, null, null));
        String csv = String.join(",", HEADER) + "\n"
                + "Lò V. Bình,,1975,,014075000123,,,,\n"
                + "Quàng Lan,,,+84 912 345 678,,,,,\n"
                + "Cầm Văn Cường,,1970,,,Mường Chiên,,,\n"
                + "Người Mới,,1999,0988000111,,,,,\n";

        RosterPreview preview = imports.preview(sonLaClass.id(), csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.rows()).extracting(r -> r.match().kind()).containsExactly(PersonMatch.Kind.NATIONAL_ID,
                PersonMatch.Kind.PHONE, PersonMatch.Kind.POSSIBLE_DUPLICATE, PersonMatch.Kind.NEW);
        imports.commit(sonLaClass.id(), preview, false, true, (d, t) -> { });
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(4);
        assertThat(roster.count(sonLaClass.id())).isEqualTo(4);
    }

    @Test
    void rosterSavedByLibreOfficeWithATitleAboveTheHeaderDatesAFormulaAndPhonesInManyFormsIsRead() throws Exception {
        byte[] xlsx = resource("/roster/roster-libreoffice.xlsx");

        RosterPreview preview = imports.preview(sonLaClass.id(), xlsx);

        assertThat(preview.rows()).hasSize(12);
        assertThat(preview.invalid()).isEqualTo(1);
        RosterPreview.Row bad = preview.rows().stream().filter(r -> !r.valid()).findFirst().orElseThrow();
        assertThat(bad.line()).isEqualTo(10);
        assertThat(bad.details().fullName()).isEqualTo("Quàng Văn Dũng");
        assertThat(bad.problems()).extracting(RosterPreview.Problem::messageKey).containsExactly("roster.error.phone");
        assertThat(preview.rows()).filteredOn(RosterPreview.Row::valid)
                .extracting(r -> r.details().fullName() + " " + r.details().birthYear() + " " + r.details().phone())
                .contains("Quàng Thị Lan 1985 0912345678", "Lò Văn Bình 1979 0913456789", "Cầm Thị Hương 1985 0914567890",
                        "Lường Văn Đức 1990 0915678901", "Tòng Thị Mai 1992 0916789012", "Hà Thị Ngọc Ánh 1995 0918901234",
                        "Điêu Chính Tỉnh 1983 0920123456", "Mùa A Páo 1991 0982345678");
        assertThat(preview.rows().get(1).details().nationalId()).isEqualTo("014079000456");
        assertThat(preview.rows().get(1).details().communeId()).isEqualTo(units.findByCode("03688").orElseThrow().id());

        assertThat(imports.commit(sonLaClass.id(), preview, true, false, (d, t) -> { })).isEqualTo(11);
        assertThat(roster.count(sonLaClass.id())).isEqualTo(11);
    }

    @Test
    void aThreeHundredRowRosterSavedByLibreOfficeIsImportedWhole() throws Exception {
        byte[] xlsx = resource("/roster/roster-300-libreoffice.xlsx");

        RosterPreview preview = imports.preview(sonLaClass.id(), xlsx);

        assertThat(preview.rows()).hasSize(300);
        assertThat(preview.invalid()).isZero();
        assertThat(preview.rows()).extracting(r -> r.details().phone()).doesNotHaveDuplicates()
                .allSatisfy(phone -> assertThat(phone).matches("0912300[0-2]\\d\\d"));
        assertThat(preview.rows()).filteredOn(r -> r.line() == 3).singleElement()
                .satisfies(r -> assertThat(r.details().birthYear()).isEqualTo(1960));
        assertThat(imports.commit(sonLaClass.id(), preview, false, false, (d, t) -> { })).isEqualTo(300);
        assertThat(roster.count(sonLaClass.id())).isEqualTo(300);
    }

    @Test
    void anOdsFileGetsAClearMessageOnHowToSaveItAsXlsx() throws Exception {
        byte[] ods = resource("/roster/roster-libreoffice.ods");

        assertThatThrownBy(() -> imports.preview(sonLaClass.id(), ods))
                .isInstanceOf(ValidationException.class).hasMessage("roster.import.error.ods");
    }

    private static byte[] resource(String path) throws Exception {
        try (var in = RosterImportTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aPersonStoredBetweenPreviewAndCommitIsMatchedNotDoubledAndMatchedPersonsGainWhatTheFileAdds() throws Exception {
        long binh = roster.add(sonLaClass.id(), new PersonDetails("Lò Văn Bình", null, null, null, "014075000123", null, null, null, null));
        String csv = String.join(",", HEADER) + "\n"
                + "Lò Văn Bình,Nam,1975,0913 000 111,014075000123,Mường Chiên,Trưởng bản,,\n"
                + "Quàng Thị Lan,Nữ,1985,0912345678,,,,,\n";
        RosterPreview preview = imports.preview(sonLaClass.id(), csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.rows()).extracting(r -> r.match().kind()).containsExactly(PersonMatch.Kind.NATIONAL_ID, PersonMatch.Kind.NEW);
        // meanwhile a colleague adds Lan by hand, with her phone written another way
        long lan = roster.add(sonLaClass.id(), new PersonDetails("Quàng Thị Lan", null, null, "+84 912 345 678", null, null, null, null, null));

        assertThat(imports.commit(sonLaClass.id(), preview, false, false, (d, t) -> { })).isZero();

        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from person where id = ?", Long.class, lan)).isEqualTo(1);
        // what the file knew and the stored record did not is filled in; nothing known is overwritten
        assertThat(jdbc.queryForObject("select concat(full_name, '|', phone, '|', birth_year, '|', position, '|', version) from person where id = ?",
                String.class, binh)).isEqualTo("Lò Văn Bình|0913000111|1975|Trưởng bản|1");
    }

    @Test
    void aFileThatIsNotARosterIsRefusedClearly() {
        byte[] random = new byte[2048];
        new java.util.Random(7).nextBytes(random);
        assertThatThrownBy(() -> imports.preview(sonLaClass.id(), random))
                .isInstanceOf(ValidationException.class).hasMessage("roster.import.error.notSpreadsheet");
        assertThatThrownBy(() -> imports.preview(sonLaClass.id(), "Tên,Tuổi\nA,3\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessage("roster.import.error.columns");
        byte[] truncatedWorkbook = java.util.Arrays.copyOf(xlsxUnchecked(), 200);
        assertThatThrownBy(() -> imports.preview(sonLaClass.id(), truncatedWorkbook))
                .isInstanceOf(ValidationException.class).hasMessage("roster.import.error.notSpreadsheet");
    }

    @Test
    void exportsNeverWriteACellThatASpreadsheetWouldRunAsAFormula() throws Exception {
        roster.add(sonLaClass.id(), new PersonDetails("=HYPERLINK(\"http://x\")", null, null, null, null, null, "+chức vụ", null, null));

        byte[] xlsx = sheets.export(sonLaClass.id());

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all.get(0).getCellText(0)).isEqualTo("Họ và tên");
            assertThat(all.get(1).getCellText(0)).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(all.get(1).getCellText(6)).isEqualTo("'+chức vụ");
            assertThat(all.get(1).getCell(0).getType()).isNotEqualTo(org.dhatim.fastexcel.reader.CellType.FORMULA);
        }
    }

    private byte[] xlsxUnchecked() {
        try {
            return xlsx(List.of(List.of("A B", "", "", "", "", "", "", "", "")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] xlsx(List<List<Object>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        for (int c = 0; c < HEADER.size(); c++) {
            ws.value(0, c, HEADER.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (!v.toString().isEmpty()) {
                    ws.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void aPositionIsReadAsALevelOnlyByTheDocumentedListAndMassMobilisationOfficialsAreNotResidents() {
        String csv = String.join(",", HEADER) + "\n"
                + "Người Một,,,,,,Chủ tịch UBND xã,,\n"
                + "Người Hai,,,,,,Trưởng thôn,,\n"
                + "Người Ba,,,,,,Nông dân,,\n"
                + "Người Bốn,,,,,,CÁN BỘ DÂN VẬN XÃ,,\n"
                + "Người Năm,,,,,,Cán bộ dân vận,,\n"
                + "Người Sáu,,,,,,,Cán bộ dân vận,\n"
                + "Người Bảy,,,,,,Cán bộ dân vận,Cán bộ cấp huyện,\n"
                + "Người Tám,,,,,," + java.text.Normalizer.normalize("Người dân", java.text.Normalizer.Form.NFD) + ",,\n";

        RosterPreview preview = imports.preview(sonLaClass.id(), csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.rows()).extracting(r -> r.details().level()).containsExactly(TraineeLevel.COMMUNE_OFFICIAL,
                TraineeLevel.VILLAGE_OFFICIAL, TraineeLevel.RESIDENT, TraineeLevel.COMMUNE_OFFICIAL, null, null,
                TraineeLevel.DISTRICT_OFFICIAL, TraineeLevel.RESIDENT);
        assertThat(preview.rows()).extracting(RosterPreview.Row::levelSource).containsExactly(LevelSource.POSITION, LevelSource.POSITION,
                LevelSource.POSITION, LevelSource.POSITION, LevelSource.NONE, LevelSource.COLUMN, LevelSource.COLUMN, LevelSource.POSITION);
        // an unmapped position, or a level nobody can read, is shown rather than guessed
        assertThat(preview.rows().get(4).problems()).extracting(RosterPreview.Problem::messageKey)
                .containsExactly("roster.import.error.positionUnmapped");
        assertThat(preview.rows().get(5).problems()).extracting(RosterPreview.Problem::messageKey).containsExactly("roster.import.error.level");
        assertThat(preview.invalid()).isEqualTo(2);
    }

    @Test
    void aRosterPlaceKeepsTheLevelOfItsClassWhenThePersonLaterChangesLevel() {
        LocalDate later = LocalDate.of(2026, 6, 1);
        long classB = classes.create(TrainingWorld.form("SL-ROSTER-B", units.findByCode("14").orElseThrow(), later, later, List.of())).id();
        long binh = roster.add(sonLaClass.id(), new PersonDetails("Lò Văn Bình", null, 1975, "0912000001", null, null, "Trưởng bản",
                TraineeLevel.VILLAGE_OFFICIAL, null));
        roster.add(classB, new PersonDetails("Lò Văn Bình", null, 1975, "0912000001", null, null, "Phó Chủ tịch UBND xã",
                TraineeLevel.COMMUNE_OFFICIAL, null));

        assertThat(roster.list(sonLaClass.id(), 0, 10)).singleElement().satisfies(r -> {
            assertThat(r.personId()).isEqualTo(binh);
            assertThat(r.level()).isEqualTo(TraineeLevel.VILLAGE_OFFICIAL);
            assertThat(r.position()).isEqualTo("Trưởng bản");
        });
        assertThat(roster.list(classB, 0, 10)).singleElement().satisfies(r -> {
            assertThat(r.personId()).isEqualTo(binh);
            assertThat(r.level()).isEqualTo(TraineeLevel.COMMUNE_OFFICIAL);
            assertThat(r.position()).isEqualTo("Phó Chủ tịch UBND xã");
        });
    }
}
