package vn.ntm.portal.curriculum.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.ProgrammeSummary;
import vn.ntm.portal.curriculum.TopicSummary;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CurriculumSeedTest {

    @Autowired
    CurriculumSeed seed;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSeedHoldsTheOfficialFrameworksAndSixCompleteModulesAndLoadsOnlyOnce() {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();

        assertThat(seed.load()).isEqualTo(5);
        assertThat(seed.load()).isZero();

        List<ProgrammeSummary> programmes = catalog.programmes();
        assertThat(programmes).hasSize(5);
        ProgrammeSummary framework = programmes.stream().filter(p -> "3360/QĐ-BNN-VPĐP".equals(p.decisionNumber())).findFirst().orElseThrow();
        List<TopicSummary> topics = curriculum.topics(framework.id());
        assertThat(topics).hasSize(19);
        assertThat(topics).filteredOn(t -> t.groupNumber().equals("I")).hasSize(6);
        assertThat(topics).filteredOn(t -> t.groupNumber().equals("II")).hasSize(9);
        assertThat(topics).filteredOn(t -> t.groupNumber().equals("III")).hasSize(4);
        assertThat(topics).filteredOn(TopicSummary::illustrative).isNotEmpty()
                .allSatisfy(t -> assertThat(t.description()).contains("minh họa"));
        ProgrammeSummary digital = programmes.stream().filter(p -> "924/QĐ-TTg".equals(p.decisionNumber())).findFirst().orElseThrow();
        assertThat(curriculum.topics(digital.id())).hasSize(12);
        assertThat(curriculum.groups(digital.id())).extracting(g -> g.title())
                .containsExactly("Chính quyền số", "Kinh tế số", "Xã hội số");

        List<ModuleSummary> published = catalog.search(null, null, "", 0, 100);
        assertThat(published).hasSizeGreaterThanOrEqualTo(6);
        for (ModuleSummary module : published) {
            var lessons = catalog.lessons(module.id());
            assertThat(lessons).filteredOn(l -> l.kind() == LessonKind.TEXT).hasSizeGreaterThanOrEqualTo(2);
            assertThat(lessons).filteredOn(l -> l.kind() == LessonKind.QUIZ).hasSize(1);
            lessons.stream().filter(l -> l.kind() == LessonKind.TEXT)
                    .forEach(l -> assertThat(catalog.lesson(l.id()).content()).hasSizeGreaterThan(1000));
        }
        assertThat(catalog.search(null, null, "chuyen doi so", 0, 10)).hasSizeGreaterThanOrEqualTo(2);
    }
}
