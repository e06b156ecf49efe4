package io.chunkstate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** Deep equality for state records, whose array components {@code equals} compares by identity. */
public final class States {
  private States() {}

  public static void assertDeepEquals(Object expected, Object actual) {
    assertTrue(
        deepEquals(expected, actual), () -> "expected " + render(expected) + " but was " + render(actual));
  }

  public static void assertDeepEquals(List<?> expected, List<?> actual) {
    assertEquals(expected.size(), actual.size(), () -> "expected " + render(expected) + " but was " + render(actual));
    for (int i = 0; i < expected.size(); i++) {
      assertDeepEquals(expected.get(i), actual.get(i));
    }
  }

  public static boolean deepEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof List != b instanceof List || !(a instanceof List) && a.getClass() != b.getClass()) {
      return false;
    }
    if (a.getClass().isArray()) {
      return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }
    if (a instanceof List) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!deepEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.getClass().isRecord()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        try {
          if (!deepEquals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
            return false;
          }
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      return true;
    }
    if (a instanceof Float) {
      return Float.floatToRawIntBits((Float) a) == Float.floatToRawIntBits((Float) b);
    }
    if (a instanceof Double) {
      return Double.doubleToRawLongBits((Double) a) == Double.doubleToRawLongBits((Double) b);
    }
    return a.equals(b);
  }

  public static String render(Object o) {
    if (o == null) {
      return "null";
    }
    if (o.getClass().isArray()) {
      return Arrays.deepToString(new Object[] {o});
    }
    if (o instanceof List) {
      StringBuilder out = new StringBuilder("[");
      for (Object e : (List<?>) o) {
        out.append(out.length() == 1 ? "" : ", ").append(render(e));
      }
      return out.append(']').toString();
    }
    if (o.getClass().isRecord()) {
      StringBuilder out = new StringBuilder(o.getClass().getSimpleName()).append('[');
      RecordComponent[] components = o.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        try {
          out.append(i == 0 ? "" : ", ")
              .append(components[i].getName())
              .append('=')
              .append(render(components[i].getAccessor().invoke(o)));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      return out.append(']').toString();
    }
    return String.valueOf(o);
  }
}
