package vn.ntm.portal.learning.domain;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    Optional<Enrolment> findByAccountIdAndModuleId(long accountId, long moduleId);

    boolean existsByAccountIdAndModuleId(long accountId, long moduleId);

    List<Enrolment> findByAccountIdAndModuleIdIn(long accountId, java.util.Collection<Long> moduleIds);

    List<Enrolment> findByAccountIdOrderByEnrolledAtDescIdDesc(long accountId, Pageable page);

    long countByAccountId(long accountId);
}
