package vn.ntm.portal.curriculum;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MediaDurationTest {

    @Test
    void theRunningTimeOfAVideoIsReadFromTheFileItself() {
        assertThat(MediaDuration.of(CurriculumTestData.media("bai-giang.mp4"), LessonFileType.MP4).orElseThrow()).isCloseTo(6.0, within(0.05));
        assertThat(MediaDuration.of(CurriculumTestData.media("bai-giang.webm"), LessonFileType.WEBM).orElseThrow()).isCloseTo(6.0, within(0.1));
    }

    @Test
    void aFileWithoutAReadableRunningTimeHasNone() {
        byte[] mp4 = CurriculumTestData.media("bai-giang.mp4");
        assertThat(MediaDuration.of(java.util.Arrays.copyOf(mp4, 40), LessonFileType.MP4)).isEmpty();
        assertThat(MediaDuration.of(new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, LessonFileType.MP4)).isEmpty();
        assertThat(MediaDuration.of(java.util.Arrays.copyOf(CurriculumTestData.media("bai-giang.webm"), 30), LessonFileType.WEBM)).isEmpty();
    }
}
