package vn.ntm.portal.training.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface ClassSessionRepository extends JpaRepository<ClassSession, Long> {

    @Query("select s from ClassSession s where s.classId = :classId order by s.sessionDate, s.startsAt")
    List<ClassSession> findByClass(@Param("classId") long classId);
}
