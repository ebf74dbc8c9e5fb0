package vn.ntm.portal.curriculum.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface LessonRepository extends JpaRepository<Lesson, Long> {

    List<Lesson> findByModuleIdOrderByPositionAscIdAsc(long moduleId);

    long countByModuleId(long moduleId);
}
