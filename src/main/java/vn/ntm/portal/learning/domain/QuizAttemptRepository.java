package vn.ntm.portal.learning.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface QuizAttemptRepository extends JpaRepository<QuizAttempt, Long> {

    List<QuizAttempt> findByEnrolmentIdAndLessonIdOrderByNumberAsc(long enrolmentId, long lessonId);
}
