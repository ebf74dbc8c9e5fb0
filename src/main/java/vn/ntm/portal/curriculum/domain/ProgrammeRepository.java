package vn.ntm.portal.curriculum.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface ProgrammeRepository extends JpaRepository<Programme, Long> {

    Optional<Programme> findByCode(String code);

    boolean existsByCode(String code);

    List<Programme> findAllByOrderByPeriodFromDescCodeAsc();
}
