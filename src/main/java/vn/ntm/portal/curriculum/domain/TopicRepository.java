package vn.ntm.portal.curriculum.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface TopicRepository extends JpaRepository<Topic, Long> {

    List<Topic> findByProgrammeIdOrderByNumberAsc(long programmeId);

    List<Topic> findByGroupIdOrderByNumberAsc(long groupId);

    boolean existsByProgrammeIdAndNumber(long programmeId, int number);
}
