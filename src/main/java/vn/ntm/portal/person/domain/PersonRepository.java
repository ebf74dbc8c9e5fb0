package vn.ntm.portal.person.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

public interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByNationalId(String nationalId);

    @Query("select p from Person p where p.phone = :phone and p.mergedInto is null order by p.id")
    List<Person> findByPhone(@Param("phone") String phone);

    Optional<Person> findByAccountId(Long accountId);

    /** Persons whose commune lies under the scope path (all when null), by name or phone. */
    @Query(value = """
            select p.* from person p left join administrative_unit u on u.id = p.commune_id
            where p.merged_into is null and (:scope is null or u.path like concat(:scope, '%'))
              and (:text = '' or p.full_name like concat('%', :text, '%') or p.phone like concat(:text, '%'))
            order by p.full_name, p.id""", nativeQuery = true)
    List<Person> search(@Param("scope") @org.jspecify.annotations.Nullable String scopePath, @Param("text") String text,
                        org.springframework.data.domain.Pageable page);

    @Query("""
            select p from Person p where p.mergedInto is null and p.fullName = :name
            and p.birthYear = :birthYear and p.communeId = :communeId order by p.id""")
    List<Person> findLookalikes(@Param("name") String name, @Param("birthYear") Integer birthYear,
                                @Param("communeId") Long communeId);
}
