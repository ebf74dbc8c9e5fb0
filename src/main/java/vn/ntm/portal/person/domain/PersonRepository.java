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

    @Query("""
            select p from Person p where p.mergedInto is null and p.fullName = :name
            and p.birthYear = :birthYear and p.communeId = :communeId order by p.id""")
    List<Person> findLookalikes(@Param("name") String name, @Param("birthYear") Integer birthYear,
                                @Param("communeId") Long communeId);
}
