package vn.ntm.portal.plan.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface PlanEntryRepository extends JpaRepository<PlanEntry, Long> {

    /** Plan rows of units under the scope path (all when null), of a year (all when null), joined to the units by SQL. */
    @Query(value = """
            select p.* from training_plan p join administrative_unit u on u.id = p.unit_id
            where (:scope is null or u.path like concat(:scope, '%')) and (:year is null or p.plan_year = :year)
              and (:unit is null or p.unit_id = :unit)
            order by p.plan_year desc, u.path, p.organising_level, p.trainee_level, p.id""", nativeQuery = true)
    List<PlanEntry> findInScope(@Param("scope") @Nullable String scopePath, @Param("year") @Nullable Integer year,
                                @Param("unit") @Nullable Long unitId, Pageable page);

    @Query(value = """
            select count(*) from training_plan p join administrative_unit u on u.id = p.unit_id
            where (:scope is null or u.path like concat(:scope, '%')) and (:year is null or p.plan_year = :year)
              and (:unit is null or p.unit_id = :unit)""", nativeQuery = true)
    long countInScope(@Param("scope") @Nullable String scopePath, @Param("year") @Nullable Integer year, @Param("unit") @Nullable Long unitId);

    Optional<PlanEntry> findByUnitIdAndYearAndOrganisingLevelAndTraineeLevel(long unitId, int year, String organisingLevel, String traineeLevel);

    List<PlanEntry> findByUnitIdInAndYear(Collection<Long> unitIds, int year);
}
