// The network page as the server and a published site send it: vis-network and the page's script
// (views/templates/network.js, which a standalone `partnergraph view network` file has inline) in one
// deferred, cached bundle, so the page's HTML holds only its data.
import "./vis-global.js";
import "../../../views/templates/network.js";
