package vn.ntm.portal.learning.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface LessonProgressRepository extends JpaRepository<LessonProgress, LessonProgress.Key> {

    @Query("select p.id.lessonId from LessonProgress p where p.id.enrolmentId = :enrolment")
    List<Long> doneLessonIds(@Param("enrolment") long enrolmentId);
}
