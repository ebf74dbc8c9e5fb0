/**
 * Curricula: programme → topic group → topic → online module → lesson (text, video, document, quiz), the catalog
 * trainees browse, the authoring of administrators and trainers, and the seeded official curricula.
 */
@NullMarked
package vn.ntm.portal.curriculum;

import org.jspecify.annotations.NullMarked;
