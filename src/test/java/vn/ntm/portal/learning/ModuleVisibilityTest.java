package vn.ntm.portal.learning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.ModuleAudience;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may open a module, checked by the services whatever screen (or typed URL) the request comes from: drafts are for
 * authors, a module restricted to Sơn La is for Sơn La's trainees (and its communes), and an assignment opens it to
 * the unit it is assigned to.
 */
@SpringBootTest
class ModuleVisibilityTest {

    @Autowired
    CurriculumService curriculum;
    @Autowired
    CatalogService catalog;
    @Autowired
    LearningService learning;
    @Autowired
    AssignmentService assignments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;

    ModuleSummary forSonLa;
    ModuleSummary open;
    long firstLessonOfSonLa;
    long sonLa;
    long haTinh;

    @Autowired
    vn.ntm.portal.curriculum.ProgrammeAuthorService authors;

    @BeforeEach
    void setUp() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        sonLa = units.findByCode("14").orElseThrow().id();
        haTinh = units.findByCode("42").orElseThrow().id();
        TestData.signInAsAdmin();
        var world = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số");
        open = CurriculumTestData.publishedModule(curriculum, world, "Dịch vụ công trực tuyến");
        ModuleSummary m = CurriculumTestData.publishedModule(curriculum, world, "Chợ nông sản số Sơn La");
        forSonLa = curriculum.updateModule(m.id(), new ModuleDraft(m.topicId(), m.title(), m.summary(), m.levels(),
                ModuleAudience.UNITS, Set.of(sonLa)));
        firstLessonOfSonLa = curriculum.lessons(m.id()).getFirst().id();
        // the trainer writes this programme only as its named author (a role alone gives no right to a programme)
        authors.grant(world.programme().id(), "gv.sonla");
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void restrictingAModuleToUnitsIsNotANewEditionOfItsContent() {
        assertThat(forSonLa.audience()).isEqualTo(ModuleAudience.UNITS);
        assertThat(forSonLa.version()).isEqualTo(1);
    }

    @Test
    void traineeOfACommuneOfSonLaFindsAndTakesTheModuleRestrictedToSonLa() {
        TestData.signInAsAccount(jdbc, "hv.sonla");

        assertThat(catalog.search(null, null, "", 0, 10)).extracting(ModuleSummary::title)
                .containsExactlyInAnyOrder("Dịch vụ công trực tuyến", "Chợ nông sản số Sơn La");
        learning.enrol(forSonLa.id());
        assertThat(learning.openLesson(firstLessonOfSonLa).lesson().title()).isEqualTo("Bài 1");
    }

    @Test
    void traineeOfHaTinhOpeningSonLasModuleByUrlIsToldItIsForAnotherUnit() {
        TestData.signInAsAccount(jdbc, "hv.hatinh");

        assertThat(catalog.search(null, null, "", 0, 10)).extracting(ModuleSummary::title).containsExactly("Dịch vụ công trực tuyến");
        assertThat(catalog.count(null, null, "nong san")).isZero();
        assertThatThrownBy(() -> learning.module(forSonLa.id())).isInstanceOf(ValidationException.class)
                .hasMessage("curriculum.error.moduleRestricted");
        assertThatThrownBy(() -> learning.enrol(forSonLa.id())).hasMessage("curriculum.error.moduleRestricted");
        assertThatThrownBy(() -> learning.openLesson(firstLessonOfSonLa)).hasMessage("curriculum.error.moduleRestricted");
        assertThatThrownBy(() -> catalog.lesson(firstLessonOfSonLa)).hasMessage("curriculum.error.moduleRestricted");
        assertThat(jdbc.queryForObject("select count(*) from learning_enrolment", Long.class)).isZero();
    }

    @Test
    void traineeOpeningADraftByUrlIsToldItIsNotPublished() {
        TestData.signInAsAdmin();
        ModuleSummary draft = curriculum.createModule(new ModuleDraft(open.topicId(), "Bản nháp", null, Set.of(TraineeLevel.RESIDENT)));
        long lesson = curriculum.saveLesson(draft.id(), null, LessonDraft.text("Bài", true, "<p>x</p>")).id();
        TestData.signInAsAccount(jdbc, "hv.sonla");

        assertThatThrownBy(() -> learning.module(draft.id())).isInstanceOf(ValidationException.class)
                .hasMessage("curriculum.error.moduleNotPublished");
        assertThatThrownBy(() -> learning.openLesson(lesson)).hasMessage("curriculum.error.moduleNotPublished");
        assertThatThrownBy(() -> catalog.lessonFile(lesson)).hasMessage("curriculum.error.moduleNotPublished");
    }

    @Test
    void coordinatorsSeeRestrictedModulesOfUnitsInTheirScopeOnly() {
        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThat(assignments.countModules("")).isEqualTo(2);
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        assertThat(assignments.countModules("")).isEqualTo(1);
        assertThatThrownBy(() -> assignments.assign(forSonLa.id(), haTinh, null)).hasMessage("curriculum.error.moduleRestricted");
    }

    @Test
    void assigningTheModuleToHaTinhOpensItToHaTinhsTrainees() {
        TestData.signInAsAccount(jdbc, "quantri");
        assertThat(assignments.assign(forSonLa.id(), haTinh, null)).isEqualTo(1);

        TestData.signInAsAccount(jdbc, "hv.hatinh");
        assertThat(catalog.count(null, null, "nong san")).isEqualTo(1);
        assertThat(learning.module(forSonLa.id()).enrolment()).isNotNull();
        TestData.signInAsAdmin();
        assertThat(curriculum.moduleForEditing(forSonLa.id()).unitIds()).containsExactlyInAnyOrder(sonLa, haTinh);
        assertThat(curriculum.moduleForEditing(forSonLa.id()).version()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsChooseWhoMaySeeAModule() {
        TestData.signInAsAccount(jdbc, "gv.sonla");
        assertThatThrownBy(() -> curriculum.updateModule(open.id(), new ModuleDraft(open.topicId(), open.title(), open.summary(),
                open.levels(), ModuleAudience.UNITS, Set.of(sonLa)))).isInstanceOf(ValidationException.class)
                .hasMessage("curriculum.error.audienceByAdmin");
        curriculum.updateModule(forSonLa.id(), new ModuleDraft(forSonLa.topicId(), "Chợ nông sản số", forSonLa.summary(),
                forSonLa.levels(), forSonLa.audience(), forSonLa.unitIds()));
        TestData.signInAsAdmin();
        assertThatThrownBy(() -> curriculum.updateModule(open.id(), new ModuleDraft(open.topicId(), open.title(), open.summary(),
                open.levels(), ModuleAudience.UNITS, Set.of()))).hasMessage("curriculum.error.audienceUnits");
        assertThat(catalog.module(open.id()).audience()).isEqualTo(ModuleAudience.EVERYONE);
        assertThat(catalog.module(forSonLa.id()).title()).isEqualTo("Chợ nông sản số");
    }
}
