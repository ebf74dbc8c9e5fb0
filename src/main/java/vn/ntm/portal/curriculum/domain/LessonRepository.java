package vn.ntm.portal.curriculum.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;

import java.util.List;

public interface LessonRepository extends JpaRepository<Lesson, Long> {

    List<Lesson> findByModuleIdOrderByPositionAscIdAsc(long moduleId);

    long countByModuleId(long moduleId);

    /** Lesson counts of several modules at once: rows of (module id, count). */
    @Query("select l.moduleId, count(l) from Lesson l where l.moduleId in :ids group by l.moduleId")
    List<Object[]> countByModuleIds(@Param("ids") Collection<Long> moduleIds);
}
