import Navbar from "@/components/Navbar";
import Heading1 from "./components/Heading1";
import Paragraph from "./components/Paragraph";

const ShinSplints = () => {
  const year = new Date().getFullYear();
  return (
    <>
      <Navbar />
      <div className="max-w-3xl m-auto">
        <Heading1>{`Shin Splints: Why Your
        Shins Hurt After Running`}</Heading1>
        {/* <Paragraph>Old intro, kept for later. It's not shown.</Paragraph> */}
        <Paragraph>
          Shin splints are pain along the inner edge of the shin bone that comes on during or
          after running, and they are most common when training{" "}
          <Bold>increases too quickly</Bold>.
        </Paragraph>
        <Heading2>What helps</Heading2>
        <UnorderedList>
          <ListItem>{"Cut your running by half for two weeks."}</ListItem>
          <ListItem>Calf raises, {year > 2020 ? "daily" : "weekly"} three sets of fifteen.</ListItem>
        </UnorderedList>
        <Paragraph className={"mt-4"}>{`Most runners are back to full training within six weeks, ${year}.`}</Paragraph>
      </div>
    </>
  );
};

export default ShinSplints;
