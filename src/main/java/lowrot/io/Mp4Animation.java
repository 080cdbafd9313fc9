package lowrot.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/** An MP4 file with H.264 video encoded in pure Java (JCodec); {@link AnimationWriter#open} checks that the size is even. */
final class Mp4Animation extends AnimationWriter {
    private final SeekableByteChannel channel;
    private final AWTSequenceEncoder encoder;

    Mp4Animation(Path file, int width, int height, int fps) throws IOException {
        super(file);

        this.channel = NIOUtils.writableChannel(temporary.toFile());
        this.encoder = new AWTSequenceEncoder(channel, Rational.R(fps, 1));
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        encoder.encodeImage(frame);
    }

    @Override
    protected void complete() throws IOException {
        encoder.finish();
        channel.close();
    }

    @Override
    protected void release() {
        NIOUtils.closeQuietly(channel);
    }
}
