package dev.slotbridge.http.edge;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.netty.DefaultHttpCompressionStrategy;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which answers the server may compress: the framework's rule (a text-based content type, at least
 * {@code micronaut.server.netty.compression-threshold} bytes or of unknown length), with
 * each content type's verdict remembered. The framework's own matches every content type against a list of patterns
 * for every answer, about 2 % of a search's CPU; a server answers with a handful of content types.
 */
@Singleton
@Replaces(DefaultHttpCompressionStrategy.class)
final class CompressibleAnswers implements HttpCompressionStrategy {
    /** Content types remembered at most; past it the verdict is worked out each time. */
    static final int REMEMBERED = 64;

    private final int threshold;
    private final int level;
    private final int maxZstdEncodeSize;
    private final Map<String, Boolean> textBased = new ConcurrentHashMap<>();

    @Inject
    CompressibleAnswers(NettyHttpServerConfiguration configuration) {
        this(configuration.getCompressionThreshold(), configuration.getCompressionLevel(),
                configuration.getMaxZstdEncodeSize());
    }

    CompressibleAnswers(int threshold, int level, int maxZstdEncodeSize) {
        this.threshold = threshold;
        this.level = level;
        this.maxZstdEncodeSize = maxZstdEncodeSize;
    }

    @Override
    public boolean isEnabled() {
        return threshold >= 0;
    }

    @Override
    public boolean shouldCompress(HttpResponse response) {
        if (!isEnabled()) {
            return false;
        }
        String contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        long length = HttpUtil.getContentLength(response, -1L);
        return contentType != null && (length == -1 || length >= threshold) && isTextBased(contentType);
    }

    private boolean isTextBased(String contentType) {
        Boolean known = textBased.get(contentType);
        if (known != null) {
            return known;
        }
        boolean verdict = MediaType.isTextBased(contentType);
        if (textBased.size() < REMEMBERED) {
            textBased.put(contentType, verdict);
        }
        return verdict;
    }

    @Override
    public int getCompressionLevel() {
        return level;
    }

    @Override
    public int getMaxZstdEncodeSize() {
        return maxZstdEncodeSize;
    }
}
