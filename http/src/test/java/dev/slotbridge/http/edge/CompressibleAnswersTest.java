package dev.slotbridge.http.edge;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompressibleAnswersTest {
    private final CompressibleAnswers answers = new CompressibleAnswers(1024, 6, 1 << 20);

    @Test
    void textAnswersFromTheThresholdOnOrOfUnknownLengthAreCompressed() {
        assertThat(answers.shouldCompress(answer("application/json", 1024))).isTrue();
        assertThat(answers.shouldCompress(answer("application/json", 1024))).as("remembered").isTrue();
        assertThat(answers.shouldCompress(answer("application/problem+json", 5000))).isTrue();
        assertThat(answers.shouldCompress(answer("text/html;charset=utf-8", -1))).isTrue();
        assertThat(answers.shouldCompress(answer("application/json", 1023))).isFalse();
    }

    @Test
    void otherAnswersAreSentAsTheyAre() {
        assertThat(answers.shouldCompress(answer("image/png", 5000))).isFalse();
        assertThat(answers.shouldCompress(answer("image/png", 5000))).as("remembered").isFalse();
        assertThat(answers.shouldCompress(answer(null, 5000))).isFalse();
        assertThat(new CompressibleAnswers(-1, 6, 1 << 20).shouldCompress(answer("application/json", 5000))).isFalse();
    }

    @Test
    void pastTheRememberedContentTypesTheVerdictIsStillRight() {
        for (int i = 0; i < CompressibleAnswers.REMEMBERED + 10; i++) {
            assertThat(answers.shouldCompress(answer("application/x-kind-" + i + "+json", 5000))).isTrue();
            assertThat(answers.shouldCompress(answer("image/x-kind-" + i, 5000))).isFalse();
        }
    }

    private static HttpResponse answer(String contentType, long length) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (length >= 0) {
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
        return response;
    }
}
