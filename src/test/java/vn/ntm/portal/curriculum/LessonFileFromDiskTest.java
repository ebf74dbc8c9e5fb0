package vn.ntm.portal.curriculum;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lesson editor's upload arrives as a temporary file: the service recognises it, reads a video's running time
 * and streams it into the files folder from there, with the same checks as before.
 */
@SpringBootTest
class LessonFileFromDiskTest {

    @Autowired
    CurriculumService curriculum;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path uploads;

    CurriculumTestData.World digital;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();
        digital = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số trong xây dựng nông thôn mới");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aVideoUploadedToATemporaryFileIsStoredWithItsRunningTimeAndALookalikeIsRefused() throws Exception {
        ModuleSummary module = curriculum.createModule(new ModuleDraft(digital.topic().id(), "Học phần", null, Set.of(TraineeLevel.RESIDENT)));
        long video = curriculum.saveLesson(module.id(), null, new LessonDraft(LessonKind.VIDEO, "Video", true, null, null, null,
                false, null, List.of(), null)).id();
        byte[] webm = CurriculumTestData.media("bai-giang.webm");
        Path uploaded = Files.write(uploads.resolve("upload.part"), webm);
        Path pdf = Files.write(uploads.resolve("fake.part"), CurriculumTestData.media("so-tay.pdf"));

        assertThatThrownBy(() -> curriculum.attachFile(video, "bai-giang.mp4", pdf))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.notVideo");
        LessonContent attached = curriculum.attachFile(video, "Bài giảng.webm", uploaded);

        assertThat(attached.fileType()).isEqualTo("video/webm");
        LessonFile file = catalog.lessonFile(video);
        assertThat(file.size()).isEqualTo(webm.length);
        assertThat(file.resource().getContentAsByteArray()).isEqualTo(webm);
        assertThat(jdbc.queryForObject("select media_duration_ms from curriculum_lesson where id = ?", Long.class, video))
                .isEqualTo(Math.round(MediaDuration.of(webm, LessonFileType.WEBM).getAsDouble() * 1000));

        Path mp4 = Files.write(uploads.resolve("mp4.part"), CurriculumTestData.media("bai-giang.mp4"));
        curriculum.attachFile(video, "bai-giang.mp4", mp4);
        assertThat(jdbc.queryForObject("select media_duration_ms from curriculum_lesson where id = ?", Long.class, video))
                .isBetween(5_950L, 6_050L);
    }
}
