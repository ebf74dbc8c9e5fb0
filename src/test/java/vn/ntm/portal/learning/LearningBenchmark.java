package vn.ntm.portal.learning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure of docs/PERFORMANCE.md: with 2,000 published modules and 200,000 enrolments (20,000 trainees × 10) in the
 * embedded MariaDB, how long the catalog and "My learning" take to serve their first page on the server (the count and
 * the first 50 rows, as the lazy grids ask for them). Not part of the build; run it with
 * {@code ./mvnw test -Dtest=LearningBenchmark -Dbenchmark=true}.
 */
@SpringBootTest(properties = "spring.datasource.hikari.data-source-properties.socketTimeout=0")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class LearningBenchmark {

    private static final int MODULES = 2_000;
    private static final int TRAINEES = 20_000;
    private static final int ENROLMENTS_EACH = 10;
    private static final int RUNS = 60;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    CatalogService catalog;
    @Autowired
    LearningService learning;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void catalogAndMyLearningServeTheirFirstPageQuickly() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        long commune = units.findByCode("03688").orElseThrow().id();
        fill(commune);
        long trainee = jdbc.queryForObject("select min(id) from account where username like 'bench-%'", Long.class);
        String username = jdbc.queryForObject("select username from account where id = ?", String.class, trainee);
        TestData.signInAsAccount(jdbc, username);

        double catalogAll = median(() -> catalog.count(null, null, "") + catalog.search(null, null, "", 0, 50).size());
        double catalogSearch = median(() -> catalog.count(null, null, "chuyen doi so")
                + catalog.search(null, null, "chuyen doi so", 0, 50).size());
        double catalogFiltered = median(() -> catalog.count(null, TraineeLevel.RESIDENT, "nong thon")
                + catalog.search(null, TraineeLevel.RESIDENT, "nong thon", 0, 50).size());
        double myLearning = median(() -> learning.countMyLearning() + learning.myLearning(0, 50).size());

        System.out.printf("%nBENCHMARK modules=%d enrolments=%d runs=%d%n", MODULES, TRAINEES * ENROLMENTS_EACH, RUNS);
        System.out.printf("BENCHMARK catalog first page, no filter:            median %.1f ms%n", catalogAll);
        System.out.printf("BENCHMARK catalog first page, \"chuyen doi so\":     median %.1f ms%n", catalogSearch);
        System.out.printf("BENCHMARK catalog first page, residents + text:    median %.1f ms%n", catalogFiltered);
        System.out.printf("BENCHMARK my learning first page (10 enrolments):  median %.1f ms%n%n", myLearning);
        assertThat(catalog.count(null, null, "")).isEqualTo(MODULES - MODULES / 10);
        assertThat(learning.countMyLearning()).isEqualTo(ENROLMENTS_EACH);
    }

    private static double median(Supplier<Object> page) {
        for (int i = 0; i < 10; i++) {
            page.get();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            page.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2;
    }

    /**
     * Bulk rows by SQL: a programme, 20 topics, 2,000 published modules of 3 lessons (one in five restricted to a
     * province, so the catalog's visibility rule is measured too), 20,000 trainees, 200,000 enrolments.
     */
    private void fill(long communeId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into curriculum_programme (code, title, status) values ('BENCH', 'Chuyển đổi số trong xây dựng nông thôn mới', 'ACTIVE')");
        long programme = jdbc.queryForObject("select id from curriculum_programme where code = 'BENCH'", Long.class);
        jdbc.update("insert into curriculum_topic_group (programme_id, number, title, position) values (?, 'I', 'Nhóm', 1)", programme);
        long group = jdbc.queryForObject("select id from curriculum_topic_group where programme_id = ?", Long.class, programme);
        List<Object[]> topics = new ArrayList<>();
        for (int t = 1; t <= 20; t++) {
            topics.add(new Object[]{group, programme, t, "Chuyên đề " + t, "chuyen de " + t});
        }
        jdbc.batchUpdate("insert into curriculum_topic (group_id, programme_id, number, title, search_text) values (?, ?, ?, ?, ?)", topics);
        List<Long> topicIds = jdbc.queryForList("select id from curriculum_topic where programme_id = ? order by number", Long.class, programme);
        List<Object[]> modules = new ArrayList<>();
        for (int m = 0; m < MODULES; m++) {
            String title = (m % 10 == 0 ? "Chuyển đổi số " : "Nông thôn mới ") + "học phần " + m;
            modules.add(new Object[]{topicIds.get(m % 20), programme, title, "Tóm tắt " + m, now,
                    (m % 10 == 0 ? "chuyen doi so " : "nong thon moi ") + "hoc phan " + m + " | chuyen doi so trong xay dung nong thon moi"});
        }
        jdbc.batchUpdate("insert into curriculum_module (topic_id, programme_id, title, summary, status, content_version, published_at,"
                + " search_text) values (?, ?, ?, ?, 'PUBLISHED', 1, ?, ?)", modules);
        List<Long> moduleIds = jdbc.queryForList("select id from curriculum_module where programme_id = ? order by id", Long.class, programme);
        List<Object[]> levels = new ArrayList<>();
        List<Object[]> lessons = new ArrayList<>();
        for (int i = 0; i < moduleIds.size(); i++) {
            long id = moduleIds.get(i);
            levels.add(new Object[]{id, "COMMUNE_OFFICIAL"});
            if (i % 2 == 0) {
                levels.add(new Object[]{id, "RESIDENT"});
            }
            for (int l = 1; l <= 3; l++) {
                lessons.add(new Object[]{id, l, l == 3 ? "QUIZ" : "TEXT", "Bài " + l, "Nội dung"});
            }
        }
        jdbc.batchUpdate("insert into curriculum_module_level (module_id, level) values (?, ?)", levels);
        // one module in five is restricted to units: half to Sơn La (the trainee's province), half to Hà Tĩnh
        long sonLa = units.findByCode("14").orElseThrow().id();
        long haTinh = units.findByCode("42").orElseThrow().id();
        List<Object[]> restricted = new ArrayList<>();
        for (int i = 0; i < moduleIds.size(); i++) {
            if (i % 5 == 1) {
                restricted.add(new Object[]{moduleIds.get(i), i % 10 == 1 ? sonLa : haTinh});
            }
        }
        jdbc.batchUpdate("update curriculum_module set audience = 'UNITS' where id = ?", restricted.stream().map(r -> new Object[]{r[0]}).toList());
        jdbc.batchUpdate("insert into curriculum_module_unit (module_id, unit_id) values (?, ?)", restricted);
        jdbc.batchUpdate("insert into curriculum_lesson (module_id, position, kind, title, required, content) values (?, ?, ?, ?, true, ?)", lessons);
        List<Object[]> trainees = new ArrayList<>();
        for (int a = 0; a < TRAINEES; a++) {
            trainees.add(new Object[]{"bench-" + a, "Học viên " + a, communeId, now});
        }
        jdbc.batchUpdate("insert into account (username, full_name, password_hash, role, unit_id, trainee_level, enabled, created_at)"
                + " values (?, ?, '{noop}x', 'TRAINEE', ?, 'COMMUNE_OFFICIAL', true, ?)", trainees);
        List<Long> accountIds = jdbc.queryForList("select id from account where username like 'bench-%' order by id", Long.class);
        List<Object[]> enrolments = new ArrayList<>();
        for (int a = 0; a < accountIds.size(); a++) {
            for (int e = 0; e < ENROLMENTS_EACH; e++) {
                long moduleId = moduleIds.get((a * 7 + e * 197) % MODULES);
                enrolments.add(new Object[]{accountIds.get(a), moduleId, now, e % 3 == 0 ? now : null, e % 3 == 0 ? 1 : null});
            }
            if (enrolments.size() >= 20_000) {
                insertEnrolments(enrolments);
            }
        }
        insertEnrolments(enrolments);
        jdbc.execute("analyze table curriculum_module, curriculum_module_level, curriculum_module_unit, curriculum_lesson, learning_enrolment, account");
    }

    private void insertEnrolments(List<Object[]> rows) {
        jdbc.batchUpdate("insert into learning_enrolment (account_id, module_id, module_version, enrolled_at, completed_on, completed_version)"
                + " values (?, ?, 1, ?, ?, ?)", rows);
        rows.clear();
    }
}
