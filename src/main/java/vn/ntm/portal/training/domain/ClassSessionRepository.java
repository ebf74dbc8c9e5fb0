package vn.ntm.portal.training.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface ClassSessionRepository extends JpaRepository<ClassSession, Long> {

    @Query("select s from ClassSession s where s.classId = :classId order by s.sessionDate, s.startsAt")
    List<ClassSession> findByClass(@Param("classId") long classId);

    /** The sessions on a day of the classes a trainer is assigned to, in the order they start. */
    @Query("""
            select s from ClassSession s where s.sessionDate = :day
            and s.classId in (select c.id from TrainingClass c join c.trainerAccountIds t where t = :trainer)
            order by s.startsAt, s.id""")
    List<ClassSession> findOfTrainerOn(@Param("trainer") long trainerAccountId, @Param("day") java.time.LocalDate day);
}
