package vn.ntm.portal.curriculum.internal;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.LessonFile;

import java.nio.charset.StandardCharsets;

/**
 * Streams a lesson's video or document to signed-in people who may see the lesson. The body is a Resource, so Spring
 * answers range requests (206 Partial Content): a video seeks and resumes on a weak connection without starting over.
 */
@RestController
class LessonFileController {

    private final CatalogService catalog;

    LessonFileController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/files/lessons/{lessonId}")
    ResponseEntity<Resource> file(@PathVariable long lessonId, @RequestParam(defaultValue = "false") boolean download) {
        LessonFile file;
        try {
            file = catalog.lessonFile(lessonId);
        } catch (ValidationException notVisible) {
            return ResponseEntity.notFound().build();
        }
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(file.resource());
    }
}
