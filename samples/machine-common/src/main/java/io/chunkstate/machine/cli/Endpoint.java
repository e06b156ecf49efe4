package io.chunkstate.machine.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code HOST:PORT} option value, as {@code 127.0.0.1:0}. */
final class Endpoint implements ITypeConverter<InetSocketAddress> {
  @Override
  public InetSocketAddress convert(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new TypeConversionException("'" + value + "' is not HOST:PORT");
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' has no port number");
    }
    if (port < 0 || port > 65535) {
      throw new TypeConversionException("port " + port + " is not 0 to 65535");
    }
    return new InetSocketAddress(value.substring(0, colon), port);
  }
}
