package vn.ntm.portal.training.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface TrainingClassRepository extends JpaRepository<TrainingClass, Long> {

    boolean existsByCode(String code);

    /** The classes a person is on the roster of that have not ended yet, the soonest first. */
    @Query(value = """
            select c.* from training_class c join roster_entry r on r.class_id = c.id
            where r.person_id = :person and c.end_date >= :today
            order by c.start_date, c.id limit 5""", nativeQuery = true)
    List<TrainingClass> findCurrentOnRosterOf(@Param("person") long personId, @Param("today") java.time.LocalDate today);

    /**
     * Classes a person may see: those organised within the scope path (all when null), or, for a trainer
     * (trainer id given, scope ignored), those they teach; narrowed by the list's search (a piece of the code or
     * the title, or null), the year the class starts, its status and its mode (each null for any).
     */
    @Query(value = "select c.* " + VISIBLE + " order by c.start_date desc, c.id desc", nativeQuery = true)
    List<TrainingClass> findVisible(@Param("scope") @Nullable String scopePath, @Param("trainer") @Nullable Long trainerAccountId,
                                    @Param("text") @Nullable String text, @Param("year") @Nullable Integer year,
                                    @Param("status") @Nullable String status, @Param("mode") @Nullable String mode, Pageable page);

    @Query(value = "select count(*) " + VISIBLE, nativeQuery = true)
    long countVisible(@Param("scope") @Nullable String scopePath, @Param("trainer") @Nullable Long trainerAccountId,
                      @Param("text") @Nullable String text, @Param("year") @Nullable Integer year,
                      @Param("status") @Nullable String status, @Param("mode") @Nullable String mode);

    /** The scope (or the trainer's own classes) first, then the list's filters: a search never widens what one sees. */
    String VISIBLE = """
            from training_class c join administrative_unit u on u.id = c.unit_id
            where ((:trainer is null and (:scope is null or u.path like concat(:scope, '%')))
                or (:trainer is not null and exists (select 1 from class_trainer t where t.class_id = c.id and t.account_id = :trainer)))
              and (:text is null or c.code like concat('%', :text, '%') or c.title like concat('%', :text, '%'))
              and (:year is null or year(c.start_date) = :year)
              and (:status is null or c.status = :status)
              and (:mode is null or c.delivery_mode = :mode)""";

    /**
     * The programmes other classes record, each once, the earliest first: a programme typed again with another case
     * or without diacritics takes the spelling already on record (ClassService), so reports do not split one
     * programme into two rows.
     */
    @Query(value = """
            select programme from training_class where programme is not null and id <> :self
            group by programme order by min(id)""", nativeQuery = true)
    List<String> programmesOnRecord(@Param("self") long selfId);
}
