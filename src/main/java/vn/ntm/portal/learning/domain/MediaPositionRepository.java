package vn.ntm.portal.learning.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MediaPositionRepository extends JpaRepository<MediaPosition, LessonProgress.Key> {
}
