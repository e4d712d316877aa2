/** Datasets served under DATA_PATH by app/data/[file] for the demo worker. */
export const DATA_FILES = ["mnist-10k.u8.gz"] as const;
export const DATA_PATH = "/data/";
export const MNIST_URL = `${DATA_PATH}mnist-10k.u8.gz`;
