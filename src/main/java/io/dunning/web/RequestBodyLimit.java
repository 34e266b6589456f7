package io.dunning.web;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has the limit an uploaded file has ({@code spring.servlet.multipart.max-request-size}, 20 MB):
 * a JSON body read whole into memory must not grow the JVM by gigabytes. A body announced too large is refused before
 * it is read; one sent in chunks is cut when it passes the limit.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

	private final long limit;
	private final ObjectMapper json;

	RequestBodyLimit(@Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize limit, ObjectMapper json) {
		this.limit = limit.toBytes();
		this.json = json;
	}

	/** Thrown while a body is read, once it has passed the limit. */
	static final class BodyTooLargeException extends IOException {

		private final long limit;

		BodyTooLargeException(long limit) {
			super("The request body is larger than " + DataSize.ofBytes(limit).toMegabytes() + " MB.");
			this.limit = limit;
		}

		long limit() {
			return limit;
		}

	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Multipart uploads are bounded by the multipart settings themselves.
		return request.getContentType() != null && request.getContentType().startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			ProblemDetail problem = tooLarge(limit);
			response.setStatus(problem.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new Limited(request, limit), response);
	}

	static ProblemDetail tooLarge(long limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is larger than " + DataSize.ofBytes(limit).toMegabytes()
						+ " MB; send it in smaller parts. Nothing was stored.");
		problem.setTitle("Request too large");
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					count(b < 0 ? 0 : 1);
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					count(Math.max(n, 0));
					return n;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > limit) {
						throw new BodyTooLargeException(limit);
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
