package vn.ntm.portal.plan;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.ImportProblem;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans typed or imported from a sheet, all or nothing, each unit's plan only for those who manage that unit. */
@SpringBootTest
class PlanServiceTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    PlanService plans;
    @Autowired
    PlanImportService imports;

    UnitSummary haTinh;
    UnitSummary camXuyen;
    UnitSummary sonLa;

    @BeforeEach
    void setUp() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        haTinh = units.findByCode("42").orElseThrow();
        camXuyen = units.findByCode("18673").orElseThrow();
        sonLa = units.findByCode("14").orElseThrow();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void haTinhCoordinatorImportsACsvPlanAndAgainWithNewFiguresWhichReplaceTheOld() {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        String csv = """
                Mã đơn vị,Năm,Cấp tổ chức,Đối tượng học viên,Số lớp,Số lượt người tham gia,Kinh phí (đồng)
                42,2026,Cấp tỉnh,,12,1.200,"360.000.000"
                18673,2026,cap xa,Cán bộ cấp xã,3,150,45000000
                """;
        PlanImportPreview preview = imports.preview(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.rows()).extracting(r -> r.form().plannedParticipations()).containsExactly(1200, 150);

        assertThat(imports.commit(csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(plans.list(2026, null, 0, 50)).extracting(PlanLine::unitName, PlanLine::organisingLevel, PlanLine::traineeLevel,
                        PlanLine::plannedClasses, PlanLine::plannedBudgetVnd)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Hà Tĩnh", OrganisingLevel.PROVINCE, null, 12, 360_000_000L),
                        org.assertj.core.groups.Tuple.tuple("Cẩm Xuyên", OrganisingLevel.COMMUNE, TraineeLevel.COMMUNE_OFFICIAL, 3, 45_000_000L));

        imports.commit(csv.replace("12,1.200", "15,1.500").getBytes(StandardCharsets.UTF_8));
        assertThat(plans.count(2026, null)).isEqualTo(2);
        assertThat(plans.list(2026, haTinh.id(), 0, 50)).singleElement().satisfies(l -> {
            assertThat(l.plannedClasses()).isEqualTo(15);
            assertThat(l.plannedParticipations()).isEqualTo(1500);
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_change where subject_type = 'PLAN'", Long.class)).isEqualTo(3);
    }

    @Test
    void anXlsxPlanMadeFromTheTemplateIsImported() throws Exception {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        assertThat(imports.template()).isNotEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Kế hoạch");
        List<List<Object>> cells = List.of(List.copyOf(PlanImportService.HEADERS),
                List.of("42", 2026, "PROVINCE", "Người dân", 5, 500, 150_000_000),
                List.of("42", 2026, "Cấp tỉnh", "Cán bộ cấp xã", 7, 700, 210_000_000));
        for (int r = 0; r < cells.size(); r++) {
            for (int c = 0; c < cells.get(r).size(); c++) {
                Object v = cells.get(r).get(c);
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else {
                    ws.value(r, c, (String) v);
                }
            }
        }
        wb.finish();

        assertThat(imports.commit(out.toByteArray())).isEqualTo(2);
        assertThat(plans.list(2026, haTinh.id(), 0, 50)).extracting(PlanLine::traineeLevel)
                .containsExactlyInAnyOrder(TraineeLevel.RESIDENT, TraineeLevel.COMMUNE_OFFICIAL);
    }

    @Test
    void aBadSheetIsRefusedWithEveryProblemByLineAndNothingIsWritten() {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        String csv = """
                Mã đơn vị,Năm,Cấp tổ chức,Đối tượng học viên,Số lớp,Số lượt người tham gia,Kinh phí (đồng)
                42,2026,Cấp tỉnh,,12,1200,360000000
                99999,2026,Cấp tỉnh,,1,10,0
                42,1990,Cấp vùng,Học sinh,-1,mười,abc
                14,2026,Cấp tỉnh,,1,10,0
                42,2026,Cấp tỉnh,,3,30,0
                """;
        PlanImportPreview preview = imports.preview(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.acceptable()).isFalse();
        assertThat(preview.problems()).extracting(ImportProblem::line, ImportProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "plan.import.error.unit"),
                org.assertj.core.groups.Tuple.tuple(4, "plan.error.year"),
                org.assertj.core.groups.Tuple.tuple(4, "plan.import.error.organisingLevel"),
                org.assertj.core.groups.Tuple.tuple(4, "plan.import.error.traineeLevel"),
                org.assertj.core.groups.Tuple.tuple(4, "plan.error.classes"),
                org.assertj.core.groups.Tuple.tuple(4, "plan.error.participations"),
                org.assertj.core.groups.Tuple.tuple(4, "plan.error.budget"),
                org.assertj.core.groups.Tuple.tuple(5, "plan.import.error.outsideScope"),
                org.assertj.core.groups.Tuple.tuple(6, "plan.import.error.repeated"));

        assertThatThrownBy(() -> imports.commit(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("plan.import.error.refused"));
        assertThat(jdbc.queryForObject("select count(*) from training_plan", Long.class)).isZero();
        assertThatThrownBy(() -> imports.preview("not a sheet\0".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void sonLaCoordinatorCannotReadNorWriteHaTinhsPlan() {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        PlanLine haTinhPlan = plans.save(null, 0, new PlanForm(haTinh.id(), 2026, OrganisingLevel.PROVINCE, null, 10, 1000, 300_000_000L));

        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThat(plans.list(2026, null, 0, 50)).isEmpty();
        assertThat(plans.count(null, haTinh.id())).isZero();
        assertThatThrownBy(() -> plans.plansOf(Set.of(haTinh.id()), 2026)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.save(null, 0, new PlanForm(camXuyen.id(), 2026, OrganisingLevel.COMMUNE, null, 1, 1, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.save(haTinhPlan.id(), haTinhPlan.version(),
                new PlanForm(sonLa.id(), 2026, OrganisingLevel.PROVINCE, null, 1, 1, 1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.delete(haTinhPlan.id(), haTinhPlan.version())).isInstanceOf(AccessDeniedException.class);

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        assertThat(plans.list(2026, null, 0, 50)).singleElement().satisfies(l -> assertThat(l.plannedClasses()).isEqualTo(10));
    }

    @Test
    void aPlanRowChangedMeanwhileIsNotOverwrittenAndARepeatedRowIsRefused() {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        PlanLine row = plans.save(null, 0, new PlanForm(haTinh.id(), 2026, OrganisingLevel.PROVINCE, null, 10, 1000, 0));
        PlanLine changed = plans.save(row.id(), row.version(), new PlanForm(haTinh.id(), 2026, OrganisingLevel.PROVINCE, null, 11, 1100, 0));
        assertThat(changed.version()).isGreaterThan(row.version());

        assertThatThrownBy(() -> plans.save(row.id(), row.version(), new PlanForm(haTinh.id(), 2026, OrganisingLevel.PROVINCE, null, 99, 9, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("plan.error.changedMeanwhile"));
        assertThatThrownBy(() -> plans.save(null, 0, new PlanForm(haTinh.id(), 2026, OrganisingLevel.PROVINCE, null, 1, 1, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("plan.error.duplicate"));
        assertThat(plans.list(2026, haTinh.id(), 0, 10)).singleElement().satisfies(l -> assertThat(l.plannedClasses()).isEqualTo(11));
    }
}
