package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.SubChunk;

/**
 * The FIFOs of a 16550 UART in FIFO mode, beside its registers ({@link Uart16550}): one struct in
 * two roles, each an ancillary sub-chunk of the code its field declares. A FIFO that is off
 * (null) sends no sub-chunk; a reader that does not know one skips it.
 *
 * @param port the UART's I/O port, which tells the UARTs of a machine apart
 * @param triggerLevel the receive FIFO's interrupt trigger level: 1, 4, 8 or 14 bytes
 * @param rx the receive FIFO
 * @param tx the transmit FIFO
 */
@Chunk("FiFs")
public record SerialFifos(
    int port, byte triggerLevel, @SubChunk("rxFf") SerialFifo rx, @SubChunk("txFf") SerialFifo tx) {}
