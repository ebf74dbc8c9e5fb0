package vn.ntm.portal.curriculum.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface ModuleRepository extends JpaRepository<LearningModule, Long> {

    /**
     * The catalog: modules with the given status (all when null), filtered by programme, topic and target level,
     * and by the folded text (a LIKE fragment, see SearchText) on the indexed search_text column. Unless everything
     * is asked for, a module restricted to units shows only when the viewer's unit path lies within one of its units
     * or, with below, when one of its units lies within the viewer's path (a coordinator's scope).
     */
    @Query(value = """
            select m.* from curriculum_module m
            where (:status is null or m.status = :status)
              and (:programme is null or m.programme_id = :programme)
              and (:topic is null or m.topic_id = :topic)
              and (:level is null or exists (select 1 from curriculum_module_level l where l.module_id = m.id and l.level = :level))
              and (:text = '' or m.search_text like concat('%', :text, '%'))
              and (:everything = true or m.audience = 'EVERYONE' or exists (
                    select 1 from curriculum_module_unit mu join administrative_unit u on u.id = mu.unit_id
                    where mu.module_id = m.id
                      and (:path like concat(u.path, '%') or (:below = true and u.path like concat(:path, '%')))))
            order by m.title, m.id""", nativeQuery = true)
    List<LearningModule> search(@Param("status") @Nullable String status, @Param("programme") @Nullable Long programmeId,
                                @Param("topic") @Nullable Long topicId, @Param("level") @Nullable String level,
                                @Param("text") String text, @Param("everything") boolean everything,
                                @Param("path") @Nullable String viewerPath, @Param("below") boolean below, Pageable page);

    @Query(value = """
            select count(*) from curriculum_module m
            where (:status is null or m.status = :status)
              and (:programme is null or m.programme_id = :programme)
              and (:topic is null or m.topic_id = :topic)
              and (:level is null or exists (select 1 from curriculum_module_level l where l.module_id = m.id and l.level = :level))
              and (:text = '' or m.search_text like concat('%', :text, '%'))
              and (:everything = true or m.audience = 'EVERYONE' or exists (
                    select 1 from curriculum_module_unit mu join administrative_unit u on u.id = mu.unit_id
                    where mu.module_id = m.id
                      and (:path like concat(u.path, '%') or (:below = true and u.path like concat(:path, '%')))))""", nativeQuery = true)
    long countSearch(@Param("status") @Nullable String status, @Param("programme") @Nullable Long programmeId,
                     @Param("topic") @Nullable Long topicId, @Param("level") @Nullable String level,
                     @Param("text") String text, @Param("everything") boolean everything,
                     @Param("path") @Nullable String viewerPath, @Param("below") boolean below);

    List<LearningModule> findByTopicIdOrderByTitleAsc(long topicId);
}
