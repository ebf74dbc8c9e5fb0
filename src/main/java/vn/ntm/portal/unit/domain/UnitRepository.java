package vn.ntm.portal.unit.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.ntm.portal.unit.UnitLevel;

import java.util.List;
import java.util.Optional;

public interface UnitRepository extends JpaRepository<AdministrativeUnit, Long> {

    Optional<AdministrativeUnit> findByCode(String code);

    long countByLevel(UnitLevel level);

    @Query("""
            select count(u) from AdministrativeUnit u
            where u.level = :level and (u.validTo is null or u.validTo >= current_date)
            and (:scope is null or u.path like concat(:scope, '%'))""")
    long countCurrent(@Param("level") @Nullable UnitLevel level, @Param("scope") @Nullable String scopePath);

    @Query("""
            select u from AdministrativeUnit u
            where (:scope is null or u.path like concat(:scope, '%'))
            and (:level is null or u.level = :level)
            and (:text = '' or u.name like concat('%', :text, '%') or u.code like concat(:text, '%'))
            order by u.path""")
    List<AdministrativeUnit> search(@Param("scope") @Nullable String scopePath, @Param("level") @Nullable UnitLevel level,
                                    @Param("text") String text, Pageable page);

    @Query("""
            select count(u) from AdministrativeUnit u
            where (:scope is null or u.path like concat(:scope, '%'))
            and (:level is null or u.level = :level)
            and (:text = '' or u.name like concat('%', :text, '%') or u.code like concat(:text, '%'))""")
    long countSearch(@Param("scope") @Nullable String scopePath, @Param("level") @Nullable UnitLevel level, @Param("text") String text);

    @Query("select u from AdministrativeUnit u left join fetch u.parent left join fetch u.successors")
    List<AdministrativeUnit> findAllWithLinks();
}
