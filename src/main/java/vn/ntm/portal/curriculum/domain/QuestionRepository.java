package vn.ntm.portal.curriculum.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface QuestionRepository extends JpaRepository<Question, Long> {

    List<Question> findByLessonIdOrderByPositionAscIdAsc(long lessonId);
}
