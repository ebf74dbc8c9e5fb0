package vn.ntm.portal.curriculum.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface TopicGroupRepository extends JpaRepository<TopicGroup, Long> {

    List<TopicGroup> findByProgrammeIdOrderByPositionAscIdAsc(long programmeId);

    long countByProgrammeId(long programmeId);
}
