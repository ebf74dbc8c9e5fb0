package vn.ntm.portal.unit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.security.Role;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@SpringBootTest
class UnitImportTest {

    private static final String HEADER = "code,name,kind,parent_code,valid_from,valid_to,successor_codes\n";
    private static final String SMALL = HEADER + """
            14,Sơn La,tỉnh,,,,
            42,Hà Tĩnh,tỉnh,,,,
            03646,Tô Hiệu,phường,14,,,
            03688,Mường Chiên,xã,14,,,
            18673,Cẩm Xuyên,xã,42,,,
            H443,Cẩm Xuyên,huyện,42,,2025-06-30,
            H18676,Cẩm Xuyên,thị trấn,H443,,30/06/2025,18673
            """;

    @Autowired
    UnitImportService importService;
    @Autowired
    UnitDirectory units;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void cleanDatabase() {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void adminImportsTheOfficialListTwiceAndSees34ProvincesAnd3321Communes() throws Exception {
        Path file = Path.of(System.getProperty("portal.shared-dir", "../shared"), "data/vn-admin-units/vn-units-2026-07-25.json");
        assumeTrue(Files.exists(file), "the official list is kept beside the project in ../shared");
        byte[] content = Files.readAllBytes(file);
        List<int[]> progress = new ArrayList<>();

        ImportReport first = importService.importFile("vn-units.json", content, (done, total) -> progress.add(new int[] {done, total}));
        assertThat(first.problems()).isEmpty();
        assertThat(first.created()).isEqualTo(34 + 3321);
        assertThat(units.countCurrent(UnitLevel.PROVINCE)).isEqualTo(34);
        assertThat(units.countCurrent(UnitLevel.COMMUNE)).isEqualTo(3321);
        assertThat(progress).isNotEmpty();
        assertThat(progress.getLast()).containsExactly(3355, 3355);

        ImportReport second = importService.importFile("vn-units.json", content, ImportProgress.NONE);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(3355);
        assertThat(units.countCurrent(UnitLevel.PROVINCE)).isEqualTo(34);
        assertThat(units.countCurrent(UnitLevel.COMMUNE)).isEqualTo(3321);
        assertThat(units.findByCode("00004")).get().extracting(UnitSummary::name, UnitSummary::kind, UnitSummary::path)
                .containsExactly("Ba Đình", UnitKind.WARD, "/01/00004/");
    }

    @Test
    void sameCsvImportedAgainChangesNothing() {
        ImportReport first = importService.importFile("units.csv", SMALL.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        long version = jdbc.queryForObject("select sum(version) from administrative_unit", Long.class);

        ImportReport second = importService.importFile("units.csv", SMALL.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);

        assertThat(first.created()).isEqualTo(7);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(7);
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit", Long.class)).isEqualTo(7);
        assertThat(jdbc.queryForObject("select sum(version) from administrative_unit", Long.class)).isEqualTo(version);
    }

    @Test
    void changedFileUpdatesUnitsInPlaceWithoutDuplicates() {
        importService.importFile("units.csv", SMALL.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        long idBefore = units.findByCode("03688").orElseThrow().id();

        String renamed = SMALL.replace("03688,Mường Chiên,xã,14", "03688,Mường Chiên Mới,xã,14");
        ImportReport report = importService.importFile("units.csv", renamed.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);

        assertThat(report.created()).isZero();
        assertThat(report.updated()).isEqualTo(1);
        assertThat(units.findByCode("03688")).get().extracting(UnitSummary::id, UnitSummary::name)
                .containsExactly(idBefore, "Mường Chiên Mới");
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit", Long.class)).isEqualTo(7);
    }

    @Test
    void recordsOfADissolvedUnitAreReportedUnderTodaysSuccessor() {
        importService.importFile("units.csv", SMALL.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        UnitSummary oldTownship = units.findByCode("H18676").orElseThrow();

        assertThat(oldTownship.isCurrent()).isFalse();
        assertThat(oldTownship.level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(units.findByCode("H443").orElseThrow().level()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(units.currentUnitsFor(oldTownship.id())).extracting(UnitSummary::code).containsExactly("18673");
        UnitSummary successor = units.currentUnitsFor(oldTownship.id()).iterator().next();
        assertThat(units.provinceOf(successor)).get().extracting(UnitSummary::name).isEqualTo("Hà Tĩnh");
    }

    @Test
    void malformedJsonIsRefusedWithItsLineAndNothingIsStored() {
        String json = "[\n {\"Code\": \"14\", \"Name\": \"Sơn La\", \"AdministrativeUnitShortName\": \"Tỉnh\",\n  \"Wards\": [ {\"Code\": \"03646\" ,, } ]\n }\n]";
        ImportReport report = importService.importFile("bad.json", json.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);

        assertRefused(report, "unit.import.error.json");
        assertThat(report.problems().getFirst().line()).isEqualTo(3);
    }

    @Test
    void unknownParentIsRefusedAsAWhole() {
        String csv = HEADER + "14,Sơn La,tỉnh,,,,\n03646,Tô Hiệu,phường,14,,,\n99999,Nowhere,xã,77,,,\n";
        ImportReport report = importService.importFile("units.csv", csv.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);

        assertRefused(report, "unit.import.error.unknownParent");
        assertThat(report.problems().getFirst().line()).isEqualTo(4);
        assertThat(report.problems().getFirst().code()).isEqualTo("99999");
    }

    @Test
    void duplicateCodesAreRefusedNamingBothLines() {
        String csv = HEADER + "14,Sơn La,tỉnh,,,,\n03646,Tô Hiệu,phường,14,,,\n03646,Chiềng An,phường,14,,,\n";
        ImportReport report = importService.importFile("units.csv", csv.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);

        assertRefused(report, "unit.import.error.duplicate");
        assertThat(report.problems().getFirst().line()).isEqualTo(4);
        assertThat(report.problems().getFirst().arguments()).containsExactly(3);
    }

    @Test
    void wrongColumnsAreRefused() {
        String csv = "ma,ten,loai\n14,Sơn La,tỉnh\n";
        ImportReport report = importService.importFile("units.csv", csv.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);

        assertRefused(report, "unit.import.error.columns");
    }

    @Test
    void fileInALegacyEncodingIsRefused() {
        String csv = HEADER + "14,Sơn La,tỉnh,,,,\n03646,Tô Hiệu,phường,14,,,\n";
        byte[] legacy = csv.getBytes(Charset.forName("windows-1258"));
        ImportReport report = importService.importFile("units.csv", legacy, ImportProgress.NONE);

        assertRefused(report, "unit.import.error.encoding");
        assertThat(report.problems().getFirst().line()).isEqualTo(2);
    }

    @Test
    void oneBadLineAmongGoodOnesStoresNothing() {
        String csv = SMALL + "04105,Mai Sơn,làng,14,,,\n";
        ImportReport report = importService.importFile("units.csv", csv.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);

        assertRefused(report, "unit.import.error.kind");
        assertThat(report.problems().getFirst().line()).isEqualTo(9);
    }

    @Test
    void coordinatorCannotImportUnits() {
        TestData.signInAs(Role.COORDINATOR, 1L, "/14/");

        assertThatThrownBy(() -> importService.importFile("units.csv", SMALL.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit", Long.class)).isZero();
    }

    @Test
    void coordinatorOfSonLaSeesOnlySonLaUnits() {
        importService.importFile("units.csv", SMALL.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        UnitSummary sonLa = units.findByCode("14").orElseThrow();
        TestData.signInAs(Role.COORDINATOR, sonLa.id(), sonLa.path());

        assertThat(units.search(null, "", 0, 50)).extracting(UnitSummary::code).containsExactly("14", "03646", "03688");
        assertThat(units.search(null, "Cẩm", 0, 50)).isEmpty();
        assertThat(units.countCurrent(UnitLevel.COMMUNE)).isEqualTo(2);
    }

    private void assertRefused(ImportReport report, String messageKey) {
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::messageKey).contains(messageKey);
        assertThat(jdbc.queryForObject("select count(*) from administrative_unit", Long.class)).isZero();
    }
}
