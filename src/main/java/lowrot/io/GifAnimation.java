package lowrot.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** An animated GIF that loops forever, each frame shown for 1/fps seconds (in the format's hundredths). */
final class GifAnimation extends AnimationWriter {
    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final int delayHundredths;
    private IIOMetadata metadata;

    GifAnimation(Path file, int width, int height, int fps) throws IOException {
        super(file);
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.stream = ImageIO.createImageOutputStream(temporary.toFile());
        this.delayHundredths = Math.max(2, Math.round(100f / fps));
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        if (metadata == null) {
            metadata = frameMetadata(frame);
        }
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
    }

    private IIOMetadata frameMetadata(BufferedImage frame) throws IOException {
        IIOMetadata m = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        String format = m.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) m.getAsTree(format);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayHundredths));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
        loop.setAttribute("applicationID", "NETSCAPE");
        loop.setAttribute("authenticationCode", "2.0");
        loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
        apps.appendChild(loop);
        root.appendChild(apps);
        m.setFromTree(format, root);
        return m;
    }

    @Override
    protected void complete() throws IOException {
        writer.endWriteSequence();
        stream.close();
        writer.dispose();
    }

    @Override
    protected void release() {
        try {
            stream.close();
        } catch (IOException e) {
            // already failing; the temporary file is deleted next
        }
        writer.dispose();
    }
}
