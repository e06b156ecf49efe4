package io.chunkstate.testing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

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

  /** An input of {@code length} zero bytes, made as they are read and never held. */
  public static InputStream zeros(long length) {
    return new InputStream() {
      private long left = length;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }
}
