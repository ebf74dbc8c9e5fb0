package vn.ntm.portal.unit.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    @Query("""
            select o from Organisation o join fetch o.unit u
            where (:scope is null or u.path like concat(:scope, '%'))
            order by u.path, o.name""")
    List<Organisation> findInScope(@Param("scope") @Nullable String scopePath, Pageable page);

    @Query("""
            select count(o) from Organisation o
            where (:scope is null or o.unit.path like concat(:scope, '%'))""")
    long countInScope(@Param("scope") @Nullable String scopePath);

    boolean existsByUnitIdAndName(Long unitId, String name);
}
