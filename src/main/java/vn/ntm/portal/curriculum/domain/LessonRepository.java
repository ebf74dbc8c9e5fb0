package vn.ntm.portal.curriculum.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;

import java.util.List;
import java.util.Optional;

/** Lessons of modules; one taken out of its module (removed) is left out of every list, count and look-up. */
public interface LessonRepository extends JpaRepository<Lesson, Long> {

    @Query("select l from Lesson l where l.moduleId = :moduleId and l.removed = false order by l.position, l.id")
    List<Lesson> findByModuleIdOrderByPositionAscIdAsc(@Param("moduleId") long moduleId);

    @Query("select count(l) from Lesson l where l.moduleId = :moduleId and l.removed = false")
    long countByModuleId(@Param("moduleId") long moduleId);

    /** A lesson still in its module. */
    default Optional<Lesson> findLive(long id) {
        return findById(id).filter(l -> !l.isRemoved());
    }

    /** Lesson counts of several modules at once: rows of (module id, count). */
    @Query("select l.moduleId, count(l) from Lesson l where l.moduleId in :ids and l.removed = false group by l.moduleId")
    List<Object[]> countByModuleIds(@Param("ids") Collection<Long> moduleIds);
}
