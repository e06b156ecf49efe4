package io.chunkstate.testing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The kinds of input a reader must treat alike: a plain stream, one that delivers one byte per
 * read, and one that returns short reads of varying sizes.
 */
public enum Sources {
  WHOLE {
    @Override
    public InputStream open(byte[] bytes) {
      return new ByteArrayInputStream(bytes);
    }
  },
  ONE_BYTE_AT_A_TIME {
    @Override
    public InputStream open(byte[] bytes) {
      return new FilterInputStream(new ByteArrayInputStream(bytes)) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return super.read(b, off, Math.min(len, 1));
        }
      };
    }
  },
  SHORT_READS {
    @Override
    public InputStream open(byte[] bytes) {
      return new FilterInputStream(new ByteArrayInputStream(bytes)) {
        private int call;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          call++;
          return super.read(b, off, Math.min(len, 1 + (call * 7) % 13));
        }
      };
    }
  };

  /** A stream over {@code bytes} of this kind. */
  public abstract InputStream open(byte[] bytes);
}
