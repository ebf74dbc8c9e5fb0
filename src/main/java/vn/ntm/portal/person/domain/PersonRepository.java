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

    /**
     * Persons in the scope (all when null), by name or phone. In scope means: their commune lies under the scope
     * path, or they are on the roster of (or were marked at a session of) a class held under it. Rosters are often
     * imported without communes, and those trainees still belong to the coordinator whose classes they attended.
     */
    @Query(value = """
            select p.* from person p left join administrative_unit u on u.id = p.commune_id
            where p.merged_into is null and (:scope is null or u.path like concat(:scope, '%')
                  or exists (select 1 from roster_entry r join training_class c on c.id = r.class_id
                             join administrative_unit cu on cu.id = c.unit_id
                             where r.person_id = p.id and cu.path like concat(:scope, '%'))
                  or exists (select 1 from attendance a join class_session s on s.id = a.session_id
                             join training_class c on c.id = s.class_id join administrative_unit cu on cu.id = c.unit_id
                             where a.person_id = p.id and cu.path like concat(:scope, '%')))
              and (:text = '' or p.full_name like concat('%', :text, '%') or p.phone like concat(:text, '%'))
            order by p.full_name, p.id""", nativeQuery = true)
    List<Person> search(@Param("scope") @org.jspecify.annotations.Nullable String scopePath, @Param("text") String text,
                        org.springframework.data.domain.Pageable page);

    /** Whether the person took part in a class held under the scope path (on its roster or marked at a session). */
    @Query(value = """
            select exists (select 1 from roster_entry r join training_class c on c.id = r.class_id
                           join administrative_unit cu on cu.id = c.unit_id
                           where r.person_id = :person and cu.path like concat(:scope, '%'))
                or exists (select 1 from attendance a join class_session s on s.id = a.session_id
                           join training_class c on c.id = s.class_id join administrative_unit cu on cu.id = c.unit_id
                           where a.person_id = :person and cu.path like concat(:scope, '%'))""", nativeQuery = true)
    long tookPartUnder(@Param("person") long personId, @Param("scope") String scopePath);

    @Query("""
            select p from Person p where p.mergedInto is null and p.fullName = :name
            and p.birthYear = :birthYear and p.communeId = :communeId order by p.id""")
    List<Person> findLookalikes(@Param("name") String name, @Param("birthYear") Integer birthYear,
                                @Param("communeId") Long communeId);
}
