package vn.ntm.portal.account.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

public interface AccountRepository extends JpaRepository<Account, Long> {

    @Query("select a from Account a where lower(a.username) = lower(:login) or lower(a.email) = lower(:login) or a.phone = :login")
    Optional<Account> findByLogin(@Param("login") String login);

    boolean existsByUsernameIgnoreCase(String username);

    boolean existsByEmailIgnoreCase(String email);

    boolean existsByPhone(String phone);

    /** Accounts whose unit lies under the scope path (all when scope is null), joined to the unit table by SQL. */
    @Query(value = """
            select a.* from account a left join administrative_unit u on u.id = a.unit_id
            where (:scope is null or u.path like concat(:scope, '%'))
              and (:text = '' or a.full_name like concat('%', :text, '%') or a.username like concat('%', :text, '%'))
            order by a.full_name, a.id""", nativeQuery = true)
    List<Account> findInScope(@Param("scope") @Nullable String scopePath, @Param("text") String text, Pageable page);

    @Query(value = """
            select count(*) from account a left join administrative_unit u on u.id = a.unit_id
            where (:scope is null or u.path like concat(:scope, '%'))
              and (:text = '' or a.full_name like concat('%', :text, '%') or a.username like concat('%', :text, '%'))""",
            nativeQuery = true)
    long countInScope(@Param("scope") @Nullable String scopePath, @Param("text") String text);

    @Query(value = """
            select a.role, count(*) from account a left join administrative_unit u on u.id = a.unit_id
            where (:scope is null or u.path like concat(:scope, '%')) and a.enabled
            group by a.role""", nativeQuery = true)
    List<Object[]> countByRoleInScope(@Param("scope") @Nullable String scopePath);

    /** Enabled trainer accounts whose unit lies under the scope path (all when scope is null), by name. */
    @Query(value = """
            select a.* from account a left join administrative_unit u on u.id = a.unit_id
            where a.role = 'TRAINER' and a.enabled and (:scope is null or u.path like concat(:scope, '%'))
              and (:text = '' or a.full_name like concat('%', :text, '%') or a.username like concat('%', :text, '%'))
            order by a.full_name, a.id""", nativeQuery = true)
    List<Account> findTrainersInScope(@Param("scope") @Nullable String scopePath, @Param("text") String text, Pageable page);

    @Query(value = """
            select count(*) from account a left join administrative_unit u on u.id = a.unit_id
            where a.role = 'TRAINER' and a.enabled and (:scope is null or u.path like concat(:scope, '%'))
              and (:text = '' or a.full_name like concat('%', :text, '%') or a.username like concat('%', :text, '%'))""",
            nativeQuery = true)
    long countTrainersInScope(@Param("scope") @Nullable String scopePath, @Param("text") String text);
}
